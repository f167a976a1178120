package dev.orderly.model;

/**
 * Text for a cell of an exported CSV file (the audit trail, orders, dead letters), shared by the backend's and the
 * console's exports. Quoting is the CSV library's job; this only defuses formulas.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * {@code value} with a quote mark in front when it starts with =, +, -, @, a tab or a carriage return, so a
     * spreadsheet opening the export shows it instead of running it as a formula (OWASP, "CSV injection"); null
     * becomes empty.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
