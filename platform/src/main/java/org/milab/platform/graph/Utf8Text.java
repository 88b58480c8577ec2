package org.milab.platform.graph;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.milab.api.ConfigurationException;

/**
 * Strict UTF-8 decoding of an experiment file: a byte sequence that is not UTF-8 is a located error (line, column
 * and the offending bytes) instead of the JDK's bare "Input length = N".
 */
final class Utf8Text {

    private Utf8Text() {
    }

    /**
     * The text of {@code bytes}.
     *
     * @throws ConfigurationException at {@code file:line:column} of the first byte that is not UTF-8
     */
    static String decode(byte[] bytes, String file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            throw notUtf8(bytes, offset, Math.min(result.length(), bytes.length - offset), file);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static ConfigurationException notUtf8(byte[] bytes, int offset, int length, String file) {
        return new ConfigurationException(position(bytes, offset, file).toString(), "byte"
                + (length > 1 ? "s " : " ") + "0x" + HexFormat.of().formatHex(bytes, offset, offset + length)
                + " " + (length > 1 ? "are" : "is") + " not UTF-8 text; experiment files must be saved as UTF-8 "
                + "(re-save the file as UTF-8 in your editor, or convert it with iconv -f latin1 -t utf-8)");
    }

    /** 1-based line and column (in characters) of byte {@code offset}. */
    private static SourcePosition position(byte[] bytes, int offset, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new SourcePosition(file, line, before.length() + 1);
    }
}
