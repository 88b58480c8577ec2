package org.milab.platform.ui;

/**
 * The UI's inline scripts. Every value from the server is put into the page with {@code textContent} (never as
 * HTML), so a hostile run name cannot inject markup.
 */
final class UiScript {

    /**
     * Polls {@code /api/progress} every 2 s and fills each {@code [data-progress=ID]} element with a bar and
     * "node, point, done/total"; reloads the page when a run it showed as running has ended.
     */
    static final String PROGRESS = """
            (function(){
              var seen = {};
              function cell(p){
                var box = document.createElement('span');
                var frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
                var bar = document.createElement('span'); bar.className = 'bar';
                var fill = document.createElement('span'); fill.style.width = Math.round(100 * frac) + '%';
                bar.appendChild(fill); box.appendChild(bar);
                var text = ' ' + (p.node || '') + (p.points > 1 ? ' [point ' + (p.point + 1) + '/' + p.points + ']' : '')
                    + (p.total > 0 ? ' ' + p.done + '/' + p.total : '');
                box.appendChild(document.createTextNode(text));
                return box;
              }
              function poll(){
                fetch('/api/progress').then(function(r){ return r.json(); }).then(function(list){
                  var now = {};
                  list.forEach(function(p){
                    now[p.id] = true; seen[p.id] = true;
                    document.querySelectorAll('[data-progress]').forEach(function(el){
                      if (el.getAttribute('data-progress') === p.id) { el.replaceChildren(cell(p)); }
                    });
                  });
                  var ended = Object.keys(seen).some(function(id){ return !now[id]; });
                  if (ended) { location.reload(); }
                }).catch(function(){ });
              }
              poll(); setInterval(poll, 2000);
            })();
            """;

    /** The {@code --allow-writes} button that re-renders a run's {@code report.html}. */
    static final String WRITE_REPORT = """
            (function(){
              var b = document.getElementById('write-report');
              if (!b) { return; }
              b.addEventListener('click', function(){
                fetch('/api/report?id=' + encodeURIComponent(b.getAttribute('data-id')),
                      {method: 'POST', headers: {'X-Milab-Write': '1'}})
                  .then(function(r){ return r.json(); })
                  .then(function(j){ document.getElementById('write-result').textContent = j.written || j.error; })
                  .catch(function(){ document.getElementById('write-result').textContent = 'failed'; });
              });
            })();
            """;

    private UiScript() {
    }
}
