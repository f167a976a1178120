package dev.orderly.console.appearance;

/** Reading back a choice remembered by its enum name. */
final class Saved {

    private Saved() {
    }

    /** The constant of {@code type} saved under {@code name} (any case, spaces around), else {@code otherwise}. */
    static <E extends Enum<E>> E named(Class<E> type, String name, E otherwise) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(String.valueOf(name).strip())) {
                return value;
            }
        }
        return otherwise;
    }
}
