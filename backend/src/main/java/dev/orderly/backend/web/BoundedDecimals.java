package dev.orderly.backend.web;

import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every decimal the API reads (prices, amounts, rates) is refused at parsing when it has more than
 * {@value #MAX_DIGITS} digits before or after the point. {@code 1e10000000} is 10 characters of JSON, but adding it
 * to anything builds 10^10000000 in full (seconds of CPU); refused here, no validator ever computes with it. Each
 * field's own rule (at most 1000000, 2 decimals) still speaks for the values in between.
 */
final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

    static final int MAX_DIGITS = 15;

    BoundedDecimals() {
        super(BigDecimal.class);
    }

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        BigDecimal value = parser.getDecimalValue();
        // precision() and scale() read what the parser stored: no arithmetic on the value's magnitude.
        if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            throw new OutOfRange(parser, value);
        }
        return value;
    }

    /** A number too large or too fine for any amount; its message is shown to the client. */
    static final class OutOfRange extends InvalidFormatException {

        static final String RULE = "must be a number with at most " + MAX_DIGITS + " digits before and "
            + MAX_DIGITS + " after the decimal point";

        OutOfRange(JsonParser parser, BigDecimal value) {
            super(parser, RULE, abbreviated(value), BigDecimal.class);
        }

        private static String abbreviated(BigDecimal value) {
            // toString of 1E+10000000 stays short; a long plain value is cut
            String text = value.toString();
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }
}
