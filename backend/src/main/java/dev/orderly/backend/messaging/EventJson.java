package dev.orderly.backend.messaging;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for Kafka record values. Values travel as strings and are parsed here, in the listener, rather than in a
 * deserializer, so an unreadable record reaches the dead-letter path with the parser's own reason.
 */
@Component
public class EventJson {

    private final JsonMapper mapper;
    /**
     * Records are read with the API's strict mapper, but a field this version does not know is skipped: a newer
     * backend sharing the topics may add one (clients' requests refuse unknown fields, records from peers do not).
     * Made once: it reads every record of the pipeline.
     */
    private final JsonMapper records;

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
        this.records = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
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
            T value = records.readValue(text, type);
            if (value == null) {
                throw new UnreadableRecordException("the record's value is JSON null");
            }
            return value;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableRecordException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
