package dev.orderly.backend.explorer;

import dev.orderly.model.KafkaRecordView;
import dev.orderly.model.KafkaRecordView.Format;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows a record's bytes safely: valid UTF-8 without control characters as text (pretty-printed when it is JSON),
 * anything else as hex; at most {@link #SHOWN} bytes of a value. A record is never trusted to be what its topic
 * is meant to hold.
 */
final class RecordFormat {

    static final int SHOWN = 64 * 1024;
    private static final int SHOWN_KEY_OR_HEADER = 1024;

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private RecordFormat() {
    }

    static KafkaRecordView view(ConsumerRecord<byte[], byte[]> record) {
        byte[] value = record.value();
        List<KafkaRecordView.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new KafkaRecordView.Header(header.key(), shortText(header.value())));
        }
        Shown shown = value == null ? new Shown(null, Format.NULL, false) : value(value);
        return new KafkaRecordView(record.topic(), record.partition(), record.offset(),
            Instant.ofEpochMilli(record.timestamp()), shortText(record.key()), headers, shown.text(), shown.format(),
            value == null ? 0 : value.length, shown.truncated());
    }

    /** The key as the filter compares it: the same text the view shows. */
    static String keyText(byte[] key) {
        return shortText(key);
    }

    /** The value as text for the "contains" filter, or null for a null or binary value. */
    static String searchableText(byte[] value) {
        return value == null ? null : text(value);
    }

    private record Shown(String text, Format format, boolean truncated) {
    }

    private static Shown value(byte[] value) {
        boolean truncated = value.length > SHOWN;
        String text = truncated ? null : text(value);
        if (text == null) {
            // Cut (a cut may split a character) or not text: the first bytes as text if they are, else as hex.
            byte[] head = truncated ? Arrays.copyOf(value, SHOWN) : value;
            String headText = truncated ? textAllowingCutEnd(head) : null;
            return headText != null ? new Shown(headText, Format.TEXT, truncated)
                : new Shown(HexFormat.of().formatHex(head), Format.BINARY, truncated);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode json = PRETTY.readTree(text);
                return new Shown(PRETTY.writeValueAsString(json), Format.JSON, false);
            } catch (RuntimeException notJson) {
                // shown as the text it is
            }
        }
        return new Shown(text, Format.TEXT, false);
    }

    private static String shortText(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        byte[] head = bytes.length > SHOWN_KEY_OR_HEADER ? Arrays.copyOf(bytes, SHOWN_KEY_OR_HEADER)
            : bytes;
        String text = text(head);
        String shown = text != null ? text : "0x" + HexFormat.of().formatHex(head);
        return bytes.length > head.length ? shown + "..." : shown;
    }

    /** The bytes as text if they are valid UTF-8 without control characters (tabs and line breaks allowed). */
    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    return null;
                }
            }
            return text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** As {@link #text}, for a head cut at a byte count: up to three trailing bytes may be half a character. */
    private static String textAllowingCutEnd(byte[] head) {
        for (int drop = 0; drop <= 3 && drop < head.length; drop++) {
            String text = text(Arrays.copyOf(head, head.length - drop));
            if (text != null) {
                return text;
            }
        }
        return null;
    }
}
