package dev.orderly.model;

/** The Luhn check digit test that card numbers must pass, and masking for display and logs. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean isValid(String digits) {
        if (digits == null || digits.length() < 12 || digits.length() > 19
            || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // ASCII digits only: Character.isDigit also takes fullwidth and other scripts' digits.
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** "**** **** **** 1111": never more than the last four digits. */
    public static String mask(String cardNumber) {
        if (cardNumber == null || cardNumber.length() < 4) {
            return "****";
        }
        return "**** " + cardNumber.substring(cardNumber.length() - 4);
    }

    public static String lastFour(String cardNumber) {
        return cardNumber == null || cardNumber.length() < 4 ? "" : cardNumber.substring(cardNumber.length() - 4);
    }
}
