package io.github.camelframeio.camel.component.frameio.shares.springboot;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.frameio-shares.*} properties reach the component and its calls to Frame.io (an embedded
 * simulator), the switches of Camel's starters work, and bean references resolve or fail loudly.
 */
class FrameioSharesComponentAutoConfigurationTest {

    private static final String PREFIX = FrameioSharesComponentConfiguration.PREFIX + ".";

    private static FrameioSimulator frameio;
    private static SimulatorFixtures fixtures;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, FrameioSharesComponentAutoConfiguration.class));

    @BeforeAll
    static void startFrameio() {
        frameio = FrameioSimulator.builder().rateLimits(false).start();
        fixtures = frameio.fixtures();
    }

    @AfterAll
    static void stopFrameio() {
        frameio.close();
    }

    @Test
    void autoConfigurationIsRegisteredForSpringBoot() {
        List<String> candidates = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates();
        assertThat(candidates).contains(FrameioSharesComponentAutoConfiguration.class.getName());
    }

    @Test
    void propertiesReachTheComponentAndItsCalls() {
        runner.withPropertyValues(PREFIX + "base-url=" + frameio.baseUrl(), PREFIX + "access-token=" + fixtures.token(),
                PREFIX + "account-id=" + fixtures.accountId(), PREFIX + "project-id=" + fixtures.projectId(),
                PREFIX + "page-size=25", PREFIX + "start-from=beginning", PREFIX + "max-retries=2",
                PREFIX + "rate-limit-pacing=false", PREFIX + "overall-timeout=20000",
                PREFIX + "health-check-producer-enabled=false")
                .run(context -> {
                    FrameioSharesConfiguration configuration = configuration(context);
                    assertThat(configuration.getAccountId()).isEqualTo(fixtures.accountId());
                    assertThat(configuration.getProjectId()).isEqualTo(fixtures.projectId());
                    assertThat(configuration.getBaseUrl()).isEqualTo(frameio.baseUrl());
                    assertThat(configuration.getAccessToken()).isEqualTo(fixtures.token());
                    assertThat(configuration.getPageSize()).isEqualTo(25);
                    assertThat(configuration.getStartFrom()).isEqualTo("beginning");
                    assertThat(configuration.getMaxRetries()).isEqualTo(2);
                    assertThat(configuration.isRateLimitPacing()).isFalse();
                    assertThat(configuration.getOverallTimeout()).isEqualTo(20000L);
                    assertThat(component(context).isHealthCheckProducerEnabled()).isFalse();

                    // the URI names only the operation: account, project, base URL and token come from the properties
                    ProducerTemplate template = context.getBean(CamelContext.class).createProducerTemplate();
                    Share created = template.requestBody("frameio-shares:createShare",
                            Map.of("name", "Configured by Spring Boot", "access", "public"), Share.class);
                    assertThat(frameio.hasShare(created.getId())).isTrue();
                    assertThat(frameio.share(created.getId()).get("name").asText())
                            .isEqualTo("Configured by Spring Boot");
                });
    }

    @Test
    void secretsMayBeCamelPlaceholders() {
        // {{...}} is left alone by Spring and resolved by Camel when the option is copied: the form that keeps
        // camel-spring-boot's security policy from reporting a plain-text secret
        runner.withPropertyValues(PREFIX + "client-id={{frameio.client-id}}",
                PREFIX + "client-secret={{frameio.client-secret:none}}",
                "frameio.client-id=" + fixtures.clientId(), "frameio.client-secret=" + fixtures.clientSecret())
                .run(context -> {
                    assertThat(configuration(context).getClientId()).isEqualTo(fixtures.clientId());
                    assertThat(configuration(context).getClientSecret()).isEqualTo(fixtures.clientSecret());
                });
    }

    @Test
    void relaxedNamesAndEnvironmentVariablesCount() {
        runner.withPropertyValues(PREFIX + "pageSize=7")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CAMEL_COMPONENT_FRAMEIOSHARES_ACCOUNTID", fixtures.accountId()))))
                .run(context -> {
                    assertThat(configuration(context).getPageSize()).isEqualTo(7);
                    assertThat(configuration(context).getAccountId()).isEqualTo(fixtures.accountId());
                });
    }

    @Test
    void unsetOptionsKeepTheComponentsDefaults() {
        runner.withPropertyValues(PREFIX + "account-id=" + fixtures.accountId())
                .run(context -> {
                    FrameioSharesConfiguration defaults = new FrameioSharesConfiguration();
                    assertThat(configuration(context).getBaseUrl()).isEqualTo(defaults.getBaseUrl());
                    assertThat(configuration(context).getPageSize()).isEqualTo(defaults.getPageSize());
                    assertThat(configuration(context).getScopes()).isEqualTo(defaults.getScopes());
                });
    }

    @Test
    void aConfigurationBeanKeepsItsValuesAndTakesTheOtherProperties() {
        runner.withBean("frameioDefaults", FrameioSharesConfiguration.class, () -> {
            FrameioSharesConfiguration defaults = new FrameioSharesConfiguration();
            defaults.setBaseUrl(frameio.baseUrl());
            defaults.setAccountId(fixtures.accountId());
            return defaults;
        })
                .withPropertyValues(PREFIX + "configuration=#bean:frameioDefaults",
                        PREFIX + "project-id=" + fixtures.projectId())
                .run(context -> {
                    FrameioSharesConfiguration configuration = configuration(context);
                    assertThat(configuration).isSameAs(context.getBean("frameioDefaults"));
                    assertThat(configuration.getBaseUrl()).isEqualTo(frameio.baseUrl());
                    assertThat(configuration.getAccountId()).isEqualTo(fixtures.accountId());
                    assertThat(configuration.getProjectId()).isEqualTo(fixtures.projectId());
                });
    }

    @Test
    void objectOptionsTakeBeanReferences() {
        for (String reference : List.of("#bean:shareState", "#shareState", "#autowired")) {
            runner.withBean("shareState", MemoryStateRepository.class, MemoryStateRepository::new)
                    .withPropertyValues(PREFIX + "state-repository=" + reference)
                    .run(context -> assertThat(configuration(context).getStateRepository()).as(reference)
                            .isSameAs(context.getBean("shareState")));
        }
    }

    @Test
    void aMissingBeanStopsTheApplication() {
        runner.withPropertyValues(PREFIX + "state-repository=#bean:noSuchRepository")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("noSuchRepository");
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("#bean:name");
                });
    }

    @Test
    void theCustomizerSwitchesKeepThePropertiesOffTheComponent() {
        for (String off : List.of(PREFIX + "customizer.enabled=false", "camel.component.customizer.enabled=false")) {
            runner.withPropertyValues(PREFIX + "account-id=" + fixtures.accountId(), off)
                    .run(context -> assertThat(configuration(context).getAccountId()).as(off).isNull());
        }
    }

    @Test
    void theStarterCanBeTurnedOff() {
        for (String off : List.of(PREFIX + "enabled=false", "camel.component.enabled=false")) {
            runner.withPropertyValues(PREFIX + "account-id=" + fixtures.accountId(), off)
                    .run(context -> {
                        assertThat(context).as(off).doesNotHaveBean(FrameioSharesComponentConfiguration.class);
                        assertThat(context).as(off).doesNotHaveBean(ComponentCustomizer.class);
                    });
        }
    }

    private static FrameioSharesComponent component(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("frameio-shares", FrameioSharesComponent.class);
    }

    private static FrameioSharesConfiguration configuration(ApplicationContext context) {
        return component(context).getConfiguration();
    }
}
