package io.github.camelframeio.camel.component.frameio.shares.springboot;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.auth.RefreshTokenStore;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.frameio-shares.*} properties: one per option of the frameio-shares component (its
 * {@code componentProperties} in the component JSON), with the component's defaults and descriptions, so that
 * {@code spring-boot-configuration-processor} gives IDEs completion and documentation for them.
 * <p>
 * Options of an object type take a bean reference ({@code #bean:name}, {@code #name} or {@code #autowired}), resolved
 * by {@link FrameioSharesBeanReferenceConverter}. Only the properties an application sets are copied onto the
 * component (see {@link FrameioSharesComponentAutoConfiguration}); the initial values here document the component's
 * defaults and are not copied.
 * <p>
 * Written by hand from the component JSON; {@code ComponentConfigurationCoverageTest} fails when the component gains an
 * option this class lacks, or when a default or type here drifts from the component's.
 */
@ConfigurationProperties(prefix = FrameioSharesComponentConfiguration.PREFIX)
public class FrameioSharesComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** The prefix of the component's properties. */
    public static final String PREFIX = "camel.component.frameio-shares";

    /**
     * Whether to enable auto configuration of the frameio-shares component. This is enabled by default.
     */
    // declared for its description in the IDE metadata; the flag itself is ComponentConfigurationPropertiesCommon's
    @SuppressWarnings("unused")
    private Boolean enabled = true;

    /**
     * The Frame.io account (a UUID, or an Adobe id starting with adobe:). Required by every operation.
     */
    private String accountId;

    /**
     * The asset (file, folder or version stack) to add to or remove from a share, when not given by a header or the
     * body.
     */
    private String assetId;

    /**
     * What list operations add to each item, comma-separated. listShareAssets: media_links.original,
     * media_links.thumbnail, media_links.thumbnail_high_quality, media_links.video_h264_180, media_links.high_quality,
     * media_links.efficient, media_links.scrub_sheet, creator, project, metadata. listShareActivities and the
     * shareActivity consumer: user.
     */
    private String include;

    /**
     * The project whose shares are listed or in which shares are created; the project a consumer watches.
     */
    private String projectId;

    /**
     * The share to act on (a UUID), when not given by the CamelFrameioSharesShareId header; shareActivity: the one
     * share whose activity is followed (instead of every share of projectId).
     */
    private String shareId;

    /**
     * shareChanges: also emit assetsAdded and assetsRemoved, by comparing each share's assets with the last ones seen
     * (at least one list-share-assets call per share).
     */
    private Boolean assetChanges = false;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * The most calls a minute a consumer makes of each operation Frame.io limits to 100 a minute (list shares, show
     * share, list share assets, list share activity). The default, half of Frame.io's limit, leaves the other half to
     * producers and other consumers of the same credential. A full scan of n shares costs ceil(n / 100) list calls.
     */
    private Integer consumerCallsPerMinute = 50;

    /**
     * The most exchanges one poll emits (0: no limit). The rest are emitted by the next polls; nothing is lost.
     */
    private Integer maxMessagesPerPoll = 0;

    /**
     * The most list-reviewers calls a minute of a consumer with reviewerChanges (Frame.io allows 10). Each secure
     * share costs one; they are spread round-robin over the polls.
     */
    private Integer reviewerCallsPerMinute = 5;

    /**
     * shareChanges: also emit reviewersAdded and reviewersRemoved, by comparing each secure share's reviewers list
     * with the last one seen. Frame.io allows 10 list-reviewers calls a minute; see reviewerCallsPerMinute.
     */
    private Boolean reviewerChanges = false;

    /**
     * What a consumer without saved state emits first. now: nothing; it notes the shares (and their activity) as they
     * are and emits only later changes. beginning: every existing share as created (shareChanges), every existing
     * activity item (shareActivity). One of: now, beginning.
     */
    private String startFrom = "now";

    /**
     * Where a consumer keeps what it has emitted, so that a restart emits exactly what changed while it was down: any
     * Camel StateRepository, e.g. a FileStateRepository, started and stopped with the consumer. By default the state
     * is kept in memory by the endpoint (it survives route restarts, not a JVM restart). Refer to a bean: #bean:name
     * (or #name), or #autowired for the only bean of this type.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * The prefix of the consumer's keys in the state repository. By default it is made of the operation, account and
     * project (or share) ids, so consumers of different projects can share one repository; set it when two consumers
     * of the same project must keep separate state.
     */
    private String stateKey;

    /**
     * Whether list operations ask for the listing's total (header CamelFrameioSharesTotalCount).
     */
    private Boolean includeTotalCount = false;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The most items a list operation returns (0: all). When it stops early, the CamelFrameioSharesNextCursor header
     * continues the listing.
     */
    private Integer maxResults = 0;

    /**
     * How often a failed call is repeated: after a 429 or a refused connection (any operation), or after a 5xx, reset
     * or timeout (operations that are safe to repeat). 0 turns retries off.
     */
    private Integer maxRetries = 5;

    /**
     * Whether addReviewers has Frame.io e-mail the reviewers, when the body does not say. On a secure share, access is
     * granted either way.
     */
    private Boolean notifyByEmail = true;

    /**
     * The longest one call may take from its first attempt to its answer, retries and waits included, in milliseconds
     * (0: no limit). Time spent waiting for rate-limit budget before the first attempt is not counted.
     */
    private Long overallTimeout = 300000L;

    /**
     * Items per page read by list operations, 1 to 100. Larger pages cost fewer calls of the rate limit.
     */
    private Integer pageSize = 100;

    /**
     * Whether calls wait for room in Frame.io's rate limits (per account, credential and operation, corrected from
     * every answer's x-ratelimit headers) before they are sent, so that bursts do not draw 429s. Waiting holds no
     * thread.
     */
    private Boolean rateLimitPacing = true;

    /**
     * The notification message of addReviewers, when the body does not carry one (Frame.io requires a message).
     */
    private String reviewerMessage;

    /**
     * How plain reviewer identifiers are named. By default each is recognised: a UUID is a user id; an address whose
     * domain is AdobeID (or ends in techacct.adobe.com) an Adobe user id; any other address with a dotted domain an
     * e-mail address. Set share_list_ids to add share lists (their ids are UUIDs too). One of: emails, user_ids,
     * adobe_user_ids, share_list_ids.
     */
    private String reviewerType;

    /**
     * Order of list operations. listShares: name_asc, created_at_asc, name_desc, created_at_desc. listShareAssets:
     * name_asc, created_at_asc, updated_at_asc, name_desc, created_at_desc, updated_at_desc. listReviewers: name_asc,
     * active, name_desc, inactive.
     */
    private String sort;

    /**
     * Whether list operations return an Iterator that reads each next page only when needed, instead of a List, so
     * that split(body()).streaming() processes any number of items in the memory of one page.
     */
    private Boolean streaming = false;

    /**
     * The first wait, in milliseconds, after a 429 or a connection failure; each later wait at least doubles (with up
     * to 25% jitter) up to maxBackoff.
     */
    private Long initialBackoff = 1000L;

    /**
     * The longest single wait between attempts, in milliseconds.
     */
    private Long maxBackoff = 60000L;

    /**
     * The longest Retry-After, in milliseconds, that a 429 is retried after; a longer one fails the call at once
     * instead of stalling the route.
     */
    private Long maxRetryAfter = 60000L;

    /**
     * How long, in milliseconds, a createShare whose outcome is unknown (a 5xx, reset or timeout) is looked for in the
     * project before it fails with FrameioOutcomeUnknownException. It is never repeated blindly.
     */
    private Long reconcileWindow = 10000L;

    /**
     * The first wait, in milliseconds, after a 5xx answer (Frame.io asks clients to wait at least 30 seconds); later
     * waits double up to maxBackoff.
     */
    private Long serverErrorBackoff = 30000L;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The Frame.io API URL. https is required; plain http only to a loopback address (a local simulator).
     */
    private String baseUrl = "https://api.frame.io";

    /**
     * A Frame.io client to use instead of one the component builds from these options (autowired when exactly one is
     * in the registry). Refer to a bean: #bean:name (or #name), or #autowired for the only bean of this type.
     */
    private FrameioSharesClient client;

    /**
     * The component's default options, shared by every endpoint. Refer to a bean: #bean:name (or #name), or #autowired
     * for the only bean of this type.
     */
    private FrameioSharesConfiguration configuration;

    /**
     * How long to wait for a connection to Frame.io or Adobe IMS, in milliseconds.
     */
    private Integer connectTimeout = 10000;

    /**
     * The Adobe IMS URL that issues tokens (path /ims/token/v3). https is required; plain http only to a loopback
     * address.
     */
    private String imsUrl = "https://ims-na1.adobelogin.com";

    /**
     * The most connections kept open to Frame.io and Adobe IMS (one pool shared by the endpoints of a credential).
     */
    private Integer maxConnections = 20;

    /**
     * How long to wait for an answer once a request is sent, in milliseconds.
     */
    private Integer responseTimeout = 60000;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * An HTTP proxy through which Frame.io and Adobe IMS are reached.
     */
    private String proxyHost;

    /**
     * The password for proxy authentication.
     */
    private String proxyPassword;

    /**
     * The proxy's port.
     */
    private Integer proxyPort;

    /**
     * The user for proxy authentication, if the proxy needs one.
     */
    private String proxyUsername;

    /**
     * A fixed Adobe IMS access token. It is not refreshed: prefer clientId with clientSecret (server-to-server) or
     * with refreshToken (user) for anything that runs longer than the token lives.
     */
    private String accessToken;

    /**
     * The Adobe IMS client id (API key) of the credential, for server-to-server (with clientSecret) or user (with
     * refreshToken) authentication.
     */
    private String clientId;

    /**
     * The Adobe IMS client secret. With clientId alone it selects server-to-server (OAuth client credentials)
     * authentication; with refreshToken it is sent along when refreshing (web app credentials).
     */
    private String clientSecret;

    /**
     * A user's refresh token (from an authorisation with the offline_access scope), with clientId. Adobe IMS rotates
     * it on every use; the successor is kept in refreshTokenFile or refreshTokenStore so that a restart continues.
     */
    private String refreshToken;

    /**
     * A file in which the rotated refresh token is kept across restarts (written atomically, readable by the owner
     * only). Without it, or a refreshTokenStore, rotations are kept in memory only.
     */
    private String refreshTokenFile;

    /**
     * The scopes of server-to-server tokens, comma-separated. Frame.io needs frame.s2s.all.
     */
    private String scopes = "openid,AdobeID,frame.s2s.all";

    /**
     * TLS settings (trust store, key store, protocols) for the connections to Frame.io and Adobe IMS. Refer to a bean:
     * #bean:name (or #name), or #autowired for the only bean of this type.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the global SSL context parameters (camel.ssl.) for the connections to Frame.io and Adobe IMS.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * Where the rotated refresh token is kept across restarts, for stores other than a file (a database, a vault).
     * Refer to a bean: #bean:name (or #name), or #autowired for the only bean of this type.
     */
    private RefreshTokenStore refreshTokenStore;

    /**
     * A bean that supplies access tokens in any other way; replaces the other authentication options. Refer to a bean:
     * #bean:name (or #name), or #autowired for the only bean of this type.
     */
    private AccessTokenProvider tokenProvider;

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getAssetId() {
        return assetId;
    }

    public void setAssetId(String assetId) {
        this.assetId = assetId;
    }

    public String getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = include;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getShareId() {
        return shareId;
    }

    public void setShareId(String shareId) {
        this.shareId = shareId;
    }

    public Boolean getAssetChanges() {
        return assetChanges;
    }

    public void setAssetChanges(Boolean assetChanges) {
        this.assetChanges = assetChanges;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getConsumerCallsPerMinute() {
        return consumerCallsPerMinute;
    }

    public void setConsumerCallsPerMinute(Integer consumerCallsPerMinute) {
        this.consumerCallsPerMinute = consumerCallsPerMinute;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Integer getReviewerCallsPerMinute() {
        return reviewerCallsPerMinute;
    }

    public void setReviewerCallsPerMinute(Integer reviewerCallsPerMinute) {
        this.reviewerCallsPerMinute = reviewerCallsPerMinute;
    }

    public Boolean getReviewerChanges() {
        return reviewerChanges;
    }

    public void setReviewerChanges(Boolean reviewerChanges) {
        this.reviewerChanges = reviewerChanges;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public Boolean getIncludeTotalCount() {
        return includeTotalCount;
    }

    public void setIncludeTotalCount(Boolean includeTotalCount) {
        this.includeTotalCount = includeTotalCount;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(Integer maxResults) {
        this.maxResults = maxResults;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Boolean getNotifyByEmail() {
        return notifyByEmail;
    }

    public void setNotifyByEmail(Boolean notifyByEmail) {
        this.notifyByEmail = notifyByEmail;
    }

    public Long getOverallTimeout() {
        return overallTimeout;
    }

    public void setOverallTimeout(Long overallTimeout) {
        this.overallTimeout = overallTimeout;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public Boolean getRateLimitPacing() {
        return rateLimitPacing;
    }

    public void setRateLimitPacing(Boolean rateLimitPacing) {
        this.rateLimitPacing = rateLimitPacing;
    }

    public String getReviewerMessage() {
        return reviewerMessage;
    }

    public void setReviewerMessage(String reviewerMessage) {
        this.reviewerMessage = reviewerMessage;
    }

    public String getReviewerType() {
        return reviewerType;
    }

    public void setReviewerType(String reviewerType) {
        this.reviewerType = reviewerType;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public Boolean getStreaming() {
        return streaming;
    }

    public void setStreaming(Boolean streaming) {
        this.streaming = streaming;
    }

    public Long getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Long getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(Long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public Long getReconcileWindow() {
        return reconcileWindow;
    }

    public void setReconcileWindow(Long reconcileWindow) {
        this.reconcileWindow = reconcileWindow;
    }

    public Long getServerErrorBackoff() {
        return serverErrorBackoff;
    }

    public void setServerErrorBackoff(Long serverErrorBackoff) {
        this.serverErrorBackoff = serverErrorBackoff;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public FrameioSharesClient getClient() {
        return client;
    }

    public void setClient(FrameioSharesClient client) {
        this.client = client;
    }

    public FrameioSharesConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(FrameioSharesConfiguration configuration) {
        this.configuration = configuration;
    }

    public Integer getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Integer connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getImsUrl() {
        return imsUrl;
    }

    public void setImsUrl(String imsUrl) {
        this.imsUrl = imsUrl;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Integer getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Integer responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getRefreshTokenFile() {
        return refreshTokenFile;
    }

    public void setRefreshTokenFile(String refreshTokenFile) {
        this.refreshTokenFile = refreshTokenFile;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public RefreshTokenStore getRefreshTokenStore() {
        return refreshTokenStore;
    }

    public void setRefreshTokenStore(RefreshTokenStore refreshTokenStore) {
        this.refreshTokenStore = refreshTokenStore;
    }

    public AccessTokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public void setTokenProvider(AccessTokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }
}
