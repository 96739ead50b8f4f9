package io.github.camelframeio.frameio.contract;

import java.util.Objects;

/**
 * One way a request or an answer breaks the contract, found by {@link RequestValidator} or
 * {@link ResponseValidator}. It is rendered two ways from the same facts: {@link #frameioDetail()} in the wording of
 * Frame.io's OpenApiSpex 422 answers (the simulator answers with it), {@link #describe()} for people (the client's
 * exceptions use it).
 * <p>
 * A violation never carries the value of a free-text field (a passphrase may be one): {@link #actual()} is a
 * length, a count or a type, and only identifiers, e-mail addresses and timestamps that fail their format are
 * quoted.
 *
 * @param location where the offending value is
 * @param pointer  a JSON pointer: into the body ({@code /data/name}), or {@code /<name>} for a query, path or header
 *                 parameter; empty for the status or the body as a whole
 * @param kind     what is wrong
 * @param expected the limit, the allowed values, the type or the format that was expected; may be empty
 * @param actual   what was found instead (a length, count, type or quoted identifier); may be empty
 */
public record Violation(Location location, String pointer, Kind kind, String expected, String actual) {

    /** Where the offending value is. */
    public enum Location { PATH, QUERY, HEADER, BODY, STATUS }

    /** What is wrong. */
    public enum Kind {
        MISSING_FIELD, UNEXPECTED_FIELD, NULL_VALUE, WRONG_TYPE, NOT_IN_ENUM, TOO_SHORT, TOO_LONG, TOO_FEW_ITEMS,
        TOO_MANY_ITEMS, BELOW_MINIMUM, ABOVE_MAXIMUM, BAD_FORMAT, TOO_FEW_FIELDS, TOO_MANY_FIELDS, NOT_UNIQUE,
        /** A project rule: a share name needs a character that is not blank, and no line breaks. */
        BAD_NAME,
        /** A project rule: an id that is neither a UUID nor an {@code adobe:} id, or holds a URL delimiter. */
        BAD_ID,
        /** A status the operation does not declare. */
        UNDECLARED_STATUS,
        /** Anything else the schema validator reported, in its own words. */
        OTHER
    }

    public Violation {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(kind, "kind");
        pointer = pointer == null ? "" : pointer;
        expected = expected == null ? "" : expected;
        actual = actual == null ? "" : actual;
    }

    /** The last name of the pointer: the field, item index or parameter concerned. */
    public String name() {
        int slash = pointer.lastIndexOf('/');
        return unescape(slash < 0 ? pointer : pointer.substring(slash + 1));
    }

    /** The pointer as a dotted path for messages: {@code data.reviewers.emails[0]}, or a parameter's name. */
    public String field() {
        if (pointer.isEmpty()) {
            return location == Location.BODY ? "body" : location.name().toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/", -1)) {
            String name = unescape(part);
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(name).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(name);
            }
        }
        return sb.toString();
    }

    /** The wording of Frame.io's 422 answers (OpenApiSpex): {@code "String length is larger than maxLength: 175"}. */
    public String frameioDetail() {
        return switch (kind) {
            case MISSING_FIELD -> "Missing field: " + name();
            case UNEXPECTED_FIELD -> "Unexpected field: " + name();
            case NULL_VALUE -> "null value where " + expected + " expected";
            case WRONG_TYPE -> "Invalid " + expected + ". Got: " + actual;
            case NOT_IN_ENUM -> "Invalid value for enum";
            case TOO_SHORT -> "String length is smaller than minLength: " + expected;
            case TOO_LONG -> "String length is larger than maxLength: " + expected;
            case TOO_FEW_ITEMS -> "Array length " + actual + " is smaller than minItems: " + expected;
            case TOO_MANY_ITEMS -> "Array length " + actual + " is larger than maxItems: " + expected;
            case BELOW_MINIMUM -> actual + " is smaller than inclusive minimum " + expected;
            case ABOVE_MAXIMUM -> actual + " is larger than inclusive maximum " + expected;
            case BAD_FORMAT, BAD_ID -> "Invalid format. Expected :" + expected;
            case TOO_FEW_FIELDS -> "Object property count " + actual + " is less than minProperties: " + expected;
            case TOO_MANY_FIELDS -> "Object property count " + actual + " is greater than maxProperties: " + expected;
            case NOT_UNIQUE -> "Array items must be unique";
            case BAD_NAME -> "Name must include at least one non-whitespace character and no line breaks";
            case UNDECLARED_STATUS -> "Status " + actual + " is not declared; expected one of " + expected;
            case OTHER -> actual;
        };
    }

    /** The same facts for people: {@code "must be at most 175 characters, was 176"}. */
    public String describe() {
        return switch (kind) {
            case MISSING_FIELD -> "is required";
            case UNEXPECTED_FIELD -> location == Location.HEADER ? "is not allowed" : "is not a field of this request";
            case NULL_VALUE -> "must not be null";
            case WRONG_TYPE -> switch (expected) {
                case "boolean" -> "must be true or false";
                case "integer" -> "must be a whole number";
                case "number" -> "must be a number";
                case "array" -> "must be a list";
                case "object" -> "must be an object";
                default -> "must be a " + expected;
            } + ", was " + article(actual);
            case NOT_IN_ENUM -> "must be one of " + expected;
            case TOO_SHORT -> "must be at least " + expected + " character" + plural(expected);
            case TOO_LONG -> "must be at most " + expected + " characters, was " + actual;
            case TOO_FEW_ITEMS -> "must have at least " + expected + " item" + plural(expected);
            case TOO_MANY_ITEMS -> "must have at most " + expected + " items, had " + actual;
            case BELOW_MINIMUM -> "must be at least " + expected + ", was " + actual;
            case ABOVE_MAXIMUM -> "must be at most " + expected + ", was " + actual;
            case BAD_FORMAT -> switch (expected) {
                case "uuid" -> "must be a UUID";
                case "date-time" -> "must be an ISO-8601 date-time with offset, e.g. 2026-09-11T01:12:04Z";
                case "email" -> "must be an e-mail address";
                default -> "must be in the format " + expected;
            } + (actual.isEmpty() ? "" : ", got " + actual);
            case BAD_ID -> "must be a Frame.io id (a UUID) or an Adobe id starting with 'adobe:'"
                           + (actual.isEmpty() ? "" : ", got " + actual);
            case TOO_FEW_FIELDS -> "must set at least " + expected + " field" + plural(expected);
            case TOO_MANY_FIELDS -> "must set at most " + expected + " field" + plural(expected) + ", had " + actual;
            case NOT_UNIQUE -> "must not repeat an item";
            case BAD_NAME -> "must have a non-blank character and no line breaks";
            case UNDECLARED_STATUS -> "status " + actual + " is not one the operation declares (" + expected + ")";
            case OTHER -> actual;
        };
    }

    /** {@code field: description}, e.g. {@code data.name: must be at most 175 characters, was 176}. */
    @Override
    public String toString() {
        return field() + ": " + describe();
    }

    private static String plural(String count) {
        return "1".equals(count) ? "" : "s";
    }

    private static String article(String type) {
        return switch (type) {
            case "array", "integer", "object" -> "an " + type;
            default -> "a " + type;
        };
    }

    private static String unescape(String part) {
        return part.replace("~1", "/").replace("~0", "~");
    }
}
