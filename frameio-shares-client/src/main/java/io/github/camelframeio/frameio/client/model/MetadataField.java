package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One metadata field of an asset, as {@code include=metadata} adds it (the V4 {@code MetadataField} union, told
 * apart by {@code field_type}). The value's shape depends on the field type (see {@link MetadataFieldType}), so it is
 * kept as sent in {@link #getValue()}; the {@code valueAs...} methods read it as the type expects.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetadataField extends FrameioObject {

    // Reads the items of a select or user value on demand; they hold strings and enums only, so a plain mapper
    // reads them as the component's mapper would.
    private static final ObjectMapper ITEMS = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);

    @JsonProperty("field_definition_id")
    private String fieldDefinitionId;
    @JsonProperty("field_definition_name")
    private String fieldDefinitionName;
    @JsonProperty("field_type")
    private MetadataFieldType fieldType;
    @JsonProperty("mutable")
    private Boolean mutable;
    // a value sent as null reads as a NullNode, so getValue() tells it from an absent one; written, both are left
    // out, as every null field is
    @JsonProperty("value")
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NullValue.class)
    private JsonNode value;
    @JsonProperty("field_options")
    private List<SelectOption> fieldOptions;
    @JsonProperty("custom_members")
    private List<MetadataMember> customMembers;
    @JsonProperty("member_options_type")
    private MemberOptionsType memberOptionsType;

    /** For Jackson. */
    MetadataField() {
    }

    /** The field definition this is a value of. */
    public String getFieldDefinitionId() {
        return fieldDefinitionId;
    }

    /** The field definition's name. */
    public String getFieldDefinitionName() {
        return fieldDefinitionName;
    }

    /** Kind of field, which decides the shape of the value. */
    public MetadataFieldType getFieldType() {
        return fieldType;
    }

    /** Whether the value may be changed. */
    public Boolean getMutable() {
        return mutable;
    }

    /**
     * The value as sent: a string, number, boolean, or an array of options or members; NullNode when sent as null,
     * null when not sent.
     */
    public JsonNode getValue() {
        return value;
    }

    /** The options a select field offers ({@code select}, {@code select_multi}); null for other fields. */
    public List<SelectOption> getFieldOptions() {
        return fieldOptions;
    }

    /** The members a user field offers when its member options type is {@code CUSTOM}; null for other fields. */
    public List<MetadataMember> getCustomMembers() {
        return customMembers;
    }

    /** Whom a user field offers: custom members or all project members; null for other fields. */
    public MemberOptionsType getMemberOptionsType() {
        return memberOptionsType;
    }

    /** The value of a text or long-text field; null when the value is not a string. */
    public String valueAsText() {
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The value of a number or rating field; null when the value is not a number. */
    public BigDecimal valueAsNumber() {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }

    /** The value of a toggle field; null when the value is not a boolean. */
    public Boolean valueAsBoolean() {
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    /**
     * The value of a date field; null when the value is not a string. A space between date and time is read as
     * ISO-8601's {@code T}, as Frame.io's own example writes one ({@code 2026-09-11 00:12:04.500618Z}).
     *
     * @throws java.time.format.DateTimeParseException when the string is not a date and time with an offset
     */
    public OffsetDateTime valueAsDateTime() {
        String text = valueAsText();
        return text == null ? null : OffsetDateTime.parse(text.trim().replaceFirst(" ", "T"));
    }

    /** The chosen options of a select or multi-select field; null when the value is not an array. */
    public List<SelectOption> valueAsOptions() {
        return valueAsListOf(SelectOption.class);
    }

    /** The chosen members of a user field (single, multi or users); null when the value is not an array. */
    public List<MetadataMember> valueAsMembers() {
        return valueAsListOf(MetadataMember.class);
    }

    private <T> List<T> valueAsListOf(Class<T> item) {
        if (value == null || !value.isArray()) {
            return null;
        }
        CollectionType type = ITEMS.getTypeFactory().constructCollectionType(List.class, item);
        return ITEMS.convertValue(value, type);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetadataField)) {
            return false;
        }
        MetadataField other = (MetadataField) o;
        return Objects.equals(fieldDefinitionId, other.fieldDefinitionId) &&
               Objects.equals(fieldDefinitionName, other.fieldDefinitionName) &&
               Objects.equals(fieldType, other.fieldType) &&
               Objects.equals(mutable, other.mutable) &&
               Objects.equals(value, other.value) &&
               Objects.equals(fieldOptions, other.fieldOptions) &&
               Objects.equals(customMembers, other.customMembers) &&
               Objects.equals(memberOptionsType, other.memberOptionsType) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(fieldDefinitionId, fieldDefinitionName, fieldType, mutable, value, fieldOptions,
                customMembers, memberOptionsType) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "MetadataField[" + fieldType + " " + fieldDefinitionName + "]";
    }

    /** Jackson's filter for {@link #value}: equal to (so leaves out) a Java null and a JSON null. */
    static final class NullValue {

        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof JsonNode node && node.isNull();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
