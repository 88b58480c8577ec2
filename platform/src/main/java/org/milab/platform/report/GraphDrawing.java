package org.milab.platform.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Draws an experiment graph as inline SVG with a layered layout (after Sugiyama et al. 1981, reduced to its
 * first two steps): a node's layer is the length of the longest wiring path into it, so every edge points
 * right; within a layer, nodes are ordered by the mean row of their inputs (the barycentre heuristic), which
 * removes most crossings of small graphs. Edges are labelled with the ports they feed.
 */
public final class GraphDrawing {

    /**
     * One node of the drawing.
     *
     * @param id the node id
     * @param use its extension
     * @param inputs port to source node id
     */
    public record Node(String id, String use, Map<String, String> inputs) {
        /** Copies the map. */
        public Node {
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    private static final int BOX_W = 190;
    private static final int BOX_H = 44;
    private static final int GAP_X = 90;
    private static final int GAP_Y = 26;
    private static final int MARGIN = 12;

    private GraphDrawing() {
    }

    /** The graph as an {@code <svg>} element; wiring to unknown nodes is ignored. */
    public static String svg(List<Node> nodes) {
        Map<String, Integer> layer = layers(nodes);
        List<List<Node>> layers = byLayer(nodes, layer);
        Layout layout = new Layout(layer, order(layers));
        StringBuilder svg = new StringBuilder(open(layers));
        Set<String> ids = nodes.stream().map(Node::id).collect(Collectors.toSet());
        for (Node n : nodes) {
            appendEdges(svg, n, ids, layout);
        }
        for (Node n : nodes) {
            box(svg, layout.at(n.id()), n);
        }
        return svg.append("</svg>").toString();
    }

    /** Each node's layer and row in the drawing. */
    private record Layout(Map<String, Integer> layer, Map<String, Integer> row) {
        double[] at(String id) {
            return GraphDrawing.at(layer.get(id), row.get(id));
        }
    }

    /** The nodes of each layer, in the order given. */
    private static List<List<Node>> byLayer(List<Node> nodes, Map<String, Integer> layer) {
        List<List<Node>> layers = new ArrayList<>();
        for (Node n : nodes) {
            int l = layer.get(n.id());
            while (layers.size() <= l) {
                layers.add(new ArrayList<>());
            }
            layers.get(l).add(n);
        }
        return layers;
    }

    /** The opening {@code <svg>} tag, sized for the layers, with the arrow marker. */
    private static String open(List<List<Node>> layers) {
        int rows = layers.stream().mapToInt(List::size).max().orElse(1);
        int width = 2 * MARGIN + layers.size() * BOX_W + (layers.size() - 1) * GAP_X;
        int height = 2 * MARGIN + rows * BOX_H + (rows - 1) * GAP_Y;
        return String.format(Locale.ROOT, "<svg class=\"graph\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">"
                + "<title>experiment graph</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" "
                + "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" "
                + "fill=\"#555\"/></marker></defs>", width, height, width, height);
    }

    /** One edge per source node wired into {@code n}, labelled with the ports it feeds. */
    private static void appendEdges(StringBuilder svg, Node n, Set<String> ids, Layout layout) {
        Map<String, List<String>> ports = new LinkedHashMap<>();
        n.inputs().forEach((port, source) -> {
            if (ids.contains(source)) {
                ports.computeIfAbsent(source, k -> new ArrayList<>()).add(port);
            }
        });
        ports.forEach((source, names) -> edge(svg, layout.at(source), layout.at(n.id()), String.join(", ", names)));
    }

    /** Each node's layer: the length of the longest wiring path into it (0 for sources). */
    static Map<String, Integer> layers(List<Node> nodes) {
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        Map<String, Integer> layer = new HashMap<>();
        nodes.forEach(n -> layerOf(n.id(), byId, layer, 0));
        return layer;
    }

    private static int layerOf(String id, Map<String, Node> byId, Map<String, Integer> memo, int depth) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        int l = depth <= byId.size() ? belowInputs(id, byId, memo, depth) : 0;
        memo.put(id, l);
        return l;
    }

    /** One more than the deepest layer of the node's inputs (0 without inputs); {@code depth} stops cycles. */
    private static int belowInputs(String id, Map<String, Node> byId, Map<String, Integer> memo, int depth) {
        int l = 0;
        for (String source : byId.get(id).inputs().values()) {
            if (byId.containsKey(source) && !source.equals(id)) {
                l = Math.max(l, 1 + layerOf(source, byId, memo, depth + 1));
            }
        }
        return l;
    }

    private static Map<String, Integer> order(List<List<Node>> layers) {
        Map<String, Integer> row = new HashMap<>();
        for (List<Node> layer : layers) {
            Map<String, Double> key = barycentres(layer, row);
            layer.sort(Comparator.comparingDouble(n -> key.get(n.id())));
            for (int i = 0; i < layer.size(); i++) {
                row.put(layer.get(i).id(), i);
            }
        }
        return row;
    }

    /** Each node's mean input row (its own row when it has no placed inputs), ties kept in order. */
    private static Map<String, Double> barycentres(List<Node> layer, Map<String, Integer> row) {
        Map<String, Double> key = new HashMap<>();
        for (int i = 0; i < layer.size(); i++) {
            Node n = layer.get(i);
            double mean = n.inputs().values().stream().filter(row::containsKey).mapToInt(row::get).average()
                    .orElse(i);
            key.put(n.id(), mean + i * 1e-6);
        }
        return key;
    }

    private static double[] at(int layer, int row) {
        return new double[] {MARGIN + layer * (BOX_W + GAP_X), MARGIN + row * (BOX_H + GAP_Y)};
    }

    private static void edge(StringBuilder svg, double[] from, double[] to, String port) {
        double x1 = from[0] + BOX_W;
        double y1 = from[1] + BOX_H / 2.0;
        double x2 = to[0];
        double y2 = to[1] + BOX_H / 2.0;
        double mid = (x1 + x2) / 2;
        svg.append(String.format(Locale.ROOT, "<path class=\"edge\" d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
                + "marker-end=\"url(#arrow)\"/>", x1, y1, mid, y1, mid, y2, x2, y2));
        svg.append(String.format(Locale.ROOT, "<text class=\"port\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">"
                + "%s</text>", mid, (y1 + y2) / 2 - 4, Html.esc(port)));
    }

    private static void box(StringBuilder svg, double[] p, Node n) {
        svg.append(String.format(Locale.ROOT, "<g class=\"node\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" "
                + "height=\"%d\" rx=\"6\"/><text class=\"nid\" x=\"%.1f\" y=\"%.1f\">%s</text>"
                + "<text class=\"nuse\" x=\"%.1f\" y=\"%.1f\">%s</text><title>%s</title></g>", p[0], p[1], BOX_W, BOX_H,
                p[0] + 8, p[1] + 18, Html.esc(clip(n.id(), 24)), p[0] + 8, p[1] + 35, Html.esc(clip(n.use(), 30)),
                Html.esc(n.id() + " (" + n.use() + ")")));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
