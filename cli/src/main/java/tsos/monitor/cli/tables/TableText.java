package tsos.monitor.cli.tables;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A table file's bytes as text, in the encodings Excel and Notepad write on Russian Windows: UTF-8 (with or
 * without a byte order mark), UTF-16 with its byte order mark ("Текст Юникод"), and Windows-1251 (the plain
 * "Текст (с разделителями табуляции)"). Windows-1251 is recognised when the bytes are not UTF-8 and read as
 * Russian text: every byte above 127 a Cyrillic letter or common punctuation, lower case letters the most.
 */
public record TableText(String text, Charset charset) {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final String SAVE_AS = "in Excel choose Файл → Сохранить как → «CSV UTF-8» or «Текст Юникод», "
            + "or name the encoding with --encoding";

    public static TableText decode(byte[] bytes, Optional<Charset> named) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, StandardCharsets.UTF_16BE);
        }
        if (named.isPresent()) {
            return strict(bytes, 0, named.get());
        }
        try {
            return new TableText(decoder(StandardCharsets.UTF_8, bytes, 0), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            if (readsAsRussianWindows1251(bytes)) {
                return strict(bytes, 0, WINDOWS_1251);
            }
            throw new TableException(List.of(TableProblem.ofFile(
                    (hasZeroBytes(bytes) ? "UTF-16 text without its byte order mark" : "neither UTF-8 nor "
                            + "Windows-1251 text") + ": " + SAVE_AS)));
        }
    }

    private static TableText strict(byte[] bytes, int skip, Charset charset) {
        try {
            return new TableText(decoder(charset, bytes, skip), charset);
        } catch (CharacterCodingException e) {
            throw new TableException(List.of(TableProblem.ofFile("not " + charset.displayName() + " text: "
                    + SAVE_AS)));
        }
    }

    private static String decoder(Charset charset, byte[] bytes, int skip) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                .toString();
    }

    /** KOI8-R and Latin-1 text use the same bytes, but in Russian words most letters are lower case. */
    private static boolean readsAsRussianWindows1251(byte[] bytes) {
        int lower = 0;
        int upper = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0xE0 || c == 0xB8) {
                lower++;
            } else if (c >= 0xC0 || c == 0xA8) {
                upper++;
            } else if (c >= 0x80 && !isCommonPunctuation(c)) {
                return false;
            }
        }
        return lower > upper;
    }

    /** No-break space, «», №, dashes, quotes, ellipsis and the degree sign in Windows-1251. */
    private static boolean isCommonPunctuation(int c) {
        return c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB9 || c == 0x96 || c == 0x97 || c == 0x84
                || c == 0x93 || c == 0x94 || c == 0x91 || c == 0x92 || c == 0x85 || c == 0xB0;
    }

    private static boolean hasZeroBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
