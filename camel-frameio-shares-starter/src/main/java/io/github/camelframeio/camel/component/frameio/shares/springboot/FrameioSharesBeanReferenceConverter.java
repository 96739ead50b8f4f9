package io.github.camelframeio.camel.component.frameio.shares.springboot;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.auth.RefreshTokenStore;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

import java.util.Set;

/**
 * Turns the value of an object-typed {@code camel.component.frameio-shares.*} property into the bean it names, e.g.
 * {@code camel.component.frameio-shares.state-repository = #bean:shareState}.
 * <p>
 * Accepts {@code #bean:name}, {@code #name} and {@code #autowired} (the only bean of the option's type). Anything else,
 * or a bean that does not exist, fails the binding with a message naming the syntax, so that a typo is not silently
 * turned into "not configured".
 */
public class FrameioSharesBeanReferenceConverter implements GenericConverter {

    /** The types of the component's object options. */
    static final Set<Class<?>> REFERENCE_TYPES = Set.of(FrameioSharesClient.class, FrameioSharesConfiguration.class,
            StateRepository.class, SSLContextParameters.class, RefreshTokenStore.class, AccessTokenProvider.class);

    private static final String BEAN_PREFIX = "#bean:";
    private static final String AUTOWIRED = "#autowired";

    private final BeanFactory beans;

    public FrameioSharesBeanReferenceConverter(BeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.copyOf(REFERENCE_TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).toList());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || source.toString().isBlank()) {
            return null;
        }
        String reference = source.toString().trim();
        Class<?> type = targetType.getObjectType();
        try {
            if (AUTOWIRED.equalsIgnoreCase(reference)) {
                return beans.getBean(type);
            }
            if (reference.startsWith(BEAN_PREFIX)) {
                return beans.getBean(reference.substring(BEAN_PREFIX.length()).trim(), type);
            }
            if (reference.startsWith("#") && reference.length() > 1) {
                return beans.getBean(reference.substring(1).trim(), type);
            }
        } catch (BeansException e) {
            throw new IllegalArgumentException(message(reference, type, e.getMessage()), e);
        }
        throw new IllegalArgumentException(message(reference, type, "not a bean reference"));
    }

    private static String message(String reference, Class<?> type, String reason) {
        return "Cannot use '" + reference + "' as a " + type.getName() + " in " + FrameioSharesComponentConfiguration.PREFIX
               + ".*: refer to a bean with #bean:name (or #name), or with #autowired to the only bean of that type ("
               + reason + ")";
    }
}
