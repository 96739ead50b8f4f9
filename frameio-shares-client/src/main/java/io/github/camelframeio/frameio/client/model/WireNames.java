package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads Frame.io's names of enum constants, the {@code @JsonProperty} of each constant (the one place they are
 * written down), for the {@code @JsonCreator} of each model enum: a name this version does not know reads as the
 * constant marked {@code @JsonEnumDefaultValue} ({@code UNKNOWN}) with any ObjectMapper, not only with one that
 * enables {@code READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE}.
 */
final class WireNames {

    private record Names(Map<String, Enum<?>> byWireName, Enum<?> unknown) {
    }

    private static final ClassValue<Names> NAMES = new ClassValue<>() {
        @Override
        protected Names computeValue(Class<?> type) {
            Map<String, Enum<?>> byWireName = new HashMap<>();
            Enum<?> unknown = null;
            for (Object constant : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                try {
                    java.lang.reflect.Field field = type.getField(e.name());
                    JsonProperty name = field.getAnnotation(JsonProperty.class);
                    if (name != null) {
                        byWireName.put(name.value(), e);
                    }
                    if (field.isAnnotationPresent(JsonEnumDefaultValue.class)) {
                        unknown = e;
                    }
                } catch (NoSuchFieldException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
            return new Names(Map.copyOf(byWireName), unknown);
        }
    };

    private WireNames() {
    }

    /** The constant Frame.io calls {@code wireName}; null for null, the default constant for a name not known. */
    static <E extends Enum<E>> E read(Class<E> type, String wireName) {
        if (wireName == null) {
            return null;
        }
        Names names = NAMES.get(type);
        Enum<?> e = names.byWireName().get(wireName);
        return type.cast(e != null ? e : names.unknown());
    }
}
