package io.github.camelframeio.camel.component.frameio.shares.springboot;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Configures the frameio-shares component from {@code camel.component.frameio-shares.*}, the way Camel's own starters
 * configure theirs: a {@link ComponentCustomizer} that Camel applies when it creates the component. It is active when
 * a CamelContext is, unless {@code camel.component.enabled} or {@code camel.component.frameio-shares.enabled} is
 * false; {@code camel.component.customizer.enabled} or {@code camel.component.frameio-shares.customizer.enabled} set
 * to false keep the properties off the component (for an application that configures it in code).
 * <p>
 * Only the options the application sets are copied, {@code configuration} (a bean) first, so that neither the
 * defaults documented in {@link FrameioSharesComponentConfiguration} nor the order of the copy can overwrite what a
 * configuration bean holds. An option that cannot be set stops the application instead of being ignored.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", FrameioSharesComponentConfiguration.PREFIX })
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, FrameioSharesComponentConfiguration.class })
public class FrameioSharesComponentAutoConfiguration {

    /** Properties of {@link org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon}, not component options. */
    private static final Set<String> STARTER_PROPERTIES = Set.of("enabled", "customizer");

    /** Resolves {@code #bean:name} values of object options; static, as binding needs it before this class exists. */
    @Bean
    @ConfigurationPropertiesBinding
    static FrameioSharesBeanReferenceConverter frameioSharesBeanReferenceConverter(BeanFactory beanFactory) {
        return new FrameioSharesBeanReferenceConverter(beanFactory);
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureFrameioSharesComponent(CamelContext camelContext,
            FrameioSharesComponentConfiguration configuration, ApplicationContext applicationContext) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                copyConfiguredOptions(camelContext, applicationContext.getEnvironment(), configuration,
                        (FrameioSharesComponent) target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof FrameioSharesComponent
                       && HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                               FrameioSharesComponentConfiguration.PREFIX + ".customizer");
            }
        };
    }

    private static void copyConfiguredOptions(CamelContext camelContext, Environment environment,
            FrameioSharesComponentConfiguration configuration, FrameioSharesComponent target) {
        Map<String, Object> options = CamelPropertiesHelper.getNonNullProperties(camelContext, configuration);
        options.keySet().removeIf(option -> STARTER_PROPERTIES.contains(option) || !isSet(environment, option));
        FrameioSharesConfiguration bean = (FrameioSharesConfiguration) options.remove("configuration");
        if (bean != null) {
            target.setConfiguration(bean);
        }
        // fails, naming the option, when one cannot be set on the component
        CamelPropertiesHelper.setCamelProperties(camelContext, target, options, true);
    }

    /** Whether a property source holds the option (or, for an object option, a property below it). */
    private static boolean isSet(Environment environment, String option) {
        String dashed = StringHelper.camelCaseToDash(option).toLowerCase(Locale.ROOT);
        ConfigurationPropertyName name = ConfigurationPropertyName.of(FrameioSharesComponentConfiguration.PREFIX + "." + dashed);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null
                || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
