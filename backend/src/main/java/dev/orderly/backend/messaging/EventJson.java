package dev.orderly.backend.messaging;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for Kafka record values. Values travel as strings and are parsed here, in the listener, rather than in a
 * deserializer, so an unreadable record reaches the dead-letter path with the parser's own reason.
 */
@Component
public class EventJson {

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    /**
     * @throws UnreadableRecordException if the text is not JSON of the expected shape
     */
    public <T> T read(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new UnreadableRecordException("the record has no value");
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw new UnreadableRecordException("the record's value is JSON null");
            }
            return value;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableRecordException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
