package org.milab.platform.csv;

/**
 * Finds the cells of the next record in a buffer: skips empty lines, reads quoted and unquoted fields up to the
 * line break, and says how many line breaks it passed. Reused from record to record; a scan that reaches the end of
 * the buffer before the end of the record (and the input is not at its end) reports that more bytes are needed.
 */
final class RecordScanner {

    /** What {@link #scan} returns when the buffer ends inside the record. */
    static final int MORE = -1;

    private byte[] b;
    private int limit;
    private boolean eof;
    private int i;
    private int emptyLines;
    private int lineBreaks;

    /**
     * Scans the record starting at {@code from} into {@code cells}.
     *
     * @param line the line {@code from} is on, for errors
     * @return where the next record starts, or {@link #MORE}
     */
    int scan(byte[] buffer, int from, int end, boolean atEof, int line, Cells cells) throws CsvFormatException {
        b = buffer;
        limit = end;
        eof = atEof;
        i = from;
        emptyLines = 0;
        lineBreaks = 0;
        cells.clear();
        if (!skipEmptyLines()) {
            return MORE;
        }
        if (i == limit) {
            return i;
        }
        return fields(line + emptyLines, cells) ? i : MORE;
    }

    /** Empty lines before the record, after the last {@link #scan}. */
    int emptyLines() {
        return emptyLines;
    }

    /** Line breaks inside and at the end of the record, after the last {@link #scan}. */
    int lineBreaks() {
        return lineBreaks;
    }

    private boolean skipEmptyLines() {
        while (i < limit && (b[i] == '\n' || b[i] == '\r')) {
            int after = lineBreak(i);
            if (after < 0) {
                return false;
            }
            i = after;
            emptyLines++;
        }
        return i < limit || eof;
    }

    /** Reads fields until the record's line break (consumed) or the end of input; false when more bytes are needed. */
    private boolean fields(int line, Cells cells) throws CsvFormatException {
        while (true) {
            skipBlanks();
            boolean complete = i < limit && b[i] == '"' ? quoted(line, cells) : unquoted(cells);
            if (!complete) {
                return false;
            }
            if (i < limit && b[i] == ',') {
                i++;
                continue;
            }
            return endOfRecord();
        }
    }

    private boolean unquoted(Cells cells) {
        int start = i;
        while (i < limit && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        if (i == limit && !eof) {
            return false;
        }
        int end = i;
        while (end > start && isBlank(b[end - 1])) {
            end--;
        }
        cells.add(start, end, false);
        return true;
    }

    private boolean quoted(int line, Cells cells) throws CsvFormatException {
        int start = i + 1;
        boolean escaped = false;
        int breaks = 0;
        for (int j = start; ; j++) {
            if (j >= limit - 1 && !eof) {
                return false;
            }
            if (j >= limit) {
                throw new CsvFormatException(line, "the quoted field opened on line " + line + " is never closed");
            }
            if (b[j] == '"' && j + 1 < limit && b[j + 1] == '"') {
                escaped = true;
                j++;
            } else if (b[j] == '"') {
                addTrimmed(cells, start, j, escaped);
                i = j + 1;
                lineBreaks += breaks;
                return afterClosingQuote(line + breaks);
            } else if (b[j] == '\n' || b[j] == '\r' && (j + 1 == limit || b[j + 1] != '\n')) {
                breaks++;
            }
        }
    }

    private boolean afterClosingQuote(int line) throws CsvFormatException {
        skipBlanks();
        if (i == limit && !eof) {
            return false;
        }
        if (i < limit && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
            throw new CsvFormatException(line, "text after the closing quote of a field; a quote inside a quoted "
                    + "field is written twice (\"\")");
        }
        return true;
    }

    private boolean endOfRecord() {
        if (i == limit) {
            return eof;
        }
        int after = lineBreak(i);
        if (after < 0) {
            return false;
        }
        i = after;
        lineBreaks++;
        return true;
    }

    /** Where the line break at {@code at} ends, or -1 when a {@code \r} ends the buffer and input may follow. */
    private int lineBreak(int at) {
        if (b[at] == '\n') {
            return at + 1;
        }
        if (at + 1 == limit) {
            return eof ? at + 1 : -1;
        }
        return b[at + 1] == '\n' ? at + 2 : at + 1;
    }

    private void addTrimmed(Cells cells, int start, int end, boolean escaped) {
        int s = start;
        int e = end;
        while (s < e && isBlank(b[s])) {
            s++;
        }
        while (e > s && isBlank(b[e - 1])) {
            e--;
        }
        cells.add(s, e, escaped);
    }

    private void skipBlanks() {
        while (i < limit && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
    }

    /** Whitespace that trimming drops, as {@link String#trim()}: control characters and the space. */
    private static boolean isBlank(byte c) {
        return c >= 0 && c <= ' ';
    }
}
