package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.PageGuard;
import io.github.camelframeio.frameio.client.ResponseLimits;
import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.auth.ClientCredentialsTokenProvider;
import io.github.camelframeio.frameio.client.auth.RefreshTokenStore;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of the frameio-shares component and its endpoints. Set at component level they are the defaults of
 * every endpoint; an endpoint's own options override them.
 */
@UriParams
@Configurer(extended = true)
public class FrameioSharesConfiguration implements Cloneable {

    @UriPath
    @Metadata(required = true)
    private FrameioSharesOperation operation;

    @UriParam
    private String accountId;
    @UriParam
    private String projectId;
    @UriParam
    private String shareId;
    @UriParam
    private String assetId;

    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", defaultValue = ClientCredentialsTokenProvider.DEFAULT_SCOPES)
    private String scopes = ClientCredentialsTokenProvider.DEFAULT_SCOPES;
    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam(label = "security")
    private String refreshTokenFile;
    @UriParam(label = "security,advanced")
    private RefreshTokenStore refreshTokenStore;
    @UriParam(label = "security,advanced")
    private AccessTokenProvider tokenProvider;

    @UriParam(label = "advanced", defaultValue = FrameioSharesClient.DEFAULT_BASE_URL)
    private String baseUrl = FrameioSharesClient.DEFAULT_BASE_URL;
    @UriParam(label = "advanced", defaultValue = FrameioSharesClient.DEFAULT_IMS_URL)
    private String imsUrl = FrameioSharesClient.DEFAULT_IMS_URL;
    @UriParam(label = "advanced")
    @Metadata(autowired = true)
    private FrameioSharesClient client;
    @UriParam(label = "advanced", defaultValue = "10000")
    private int connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000")
    private int responseTimeout = 60_000;

    @UriParam(label = "advanced", defaultValue = "8388608")
    private int maxResponseSize = ResponseLimits.DEFAULT.maxBodyBytes();
    @UriParam(label = "advanced", defaultValue = "10000")
    private int maxPages = PageGuard.DEFAULT_MAX_PAGES;

    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private int proxyPort;
    @UriParam(label = "proxy")
    private String proxyUsername;
    @UriParam(label = "proxy", secret = true)
    private String proxyPassword;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean rateLimitPacing = true;
    @UriParam(label = "producer", defaultValue = "5")
    private int maxRetries = 5;
    @UriParam(label = "producer,advanced", defaultValue = "1000")
    private long initialBackoff = 1_000;
    @UriParam(label = "producer,advanced", defaultValue = "30000")
    private long serverErrorBackoff = 30_000;
    @UriParam(label = "producer,advanced", defaultValue = "60000")
    private long maxBackoff = 60_000;
    @UriParam(label = "producer,advanced", defaultValue = "60000")
    private long maxRetryAfter = 60_000;
    @UriParam(label = "producer", defaultValue = "300000")
    private long overallTimeout = 300_000;
    @UriParam(label = "producer,advanced", defaultValue = "10000")
    private long reconcileWindow = 10_000;

    @UriParam(label = "producer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "producer", defaultValue = "0")
    private int maxResults;
    @UriParam(label = "producer")
    private String sort;
    @UriParam
    private String include;
    @UriParam(label = "producer")
    private boolean includeTotalCount;
    @UriParam(label = "producer")
    private boolean streaming;
    @UriParam(label = "producer,advanced")
    private boolean synchronous;
    @UriParam(label = "producer")
    private String reviewerMessage;
    @UriParam(label = "producer", enums = "emails,user_ids,adobe_user_ids,share_list_ids")
    private String reviewerType;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean notifyByEmail = true;

    @UriParam(label = "consumer", enums = "now,beginning", defaultValue = "now")
    private String startFrom = "now";
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer")
    private String stateDirectory;
    @UriParam(label = "consumer,advanced")
    private String stateKey;
    @UriParam(label = "consumer,advanced", enums = "fail,rebaseline", defaultValue = "fail")
    private String stateRecovery = "fail";
    @UriParam(label = "consumer")
    private boolean reviewerChanges;
    @UriParam(label = "consumer")
    private boolean assetChanges;
    @UriParam(label = "consumer", defaultValue = "50")
    private int consumerCallsPerMinute = 50;
    @UriParam(label = "consumer", defaultValue = "5")
    private int reviewerCallsPerMinute = 5;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;

    @UriParam(label = "consumer,webhook")
    private String workspaceId;
    @UriParam(label = "consumer,webhook", defaultValue = "600000", javaType = "java.time.Duration")
    private long reconcileDelay = 600_000;
    @UriParam(label = "consumer,webhook,security", secret = true)
    private String webhookSecret;
    @UriParam(label = "consumer,webhook,security", secret = true)
    private String webhookSecretKey;
    @UriParam(label = "consumer,webhook", defaultValue = "false")
    private boolean deleteWebhookOnStop;
    @UriParam(label = "consumer,webhook,advanced", defaultValue = "65536")
    private int webhookMaxBodySize = 65_536;

    public FrameioSharesOperation getOperation() {
        return operation;
    }

    /**
     * The operation: in to(...) one of the twelve Shares calls (listShares, getShare, createShare, updateShare,
     * deleteShare, addAsset, removeAsset, listShareAssets, addReviewers, listReviewers, removeReviewers,
     * listShareActivities); in from(...) shareChanges or shareActivity.
     */
    public void setOperation(FrameioSharesOperation operation) {
        this.operation = operation;
    }

    public String getAccountId() {
        return accountId;
    }

    /**
     * The Frame.io account (a UUID, or an Adobe id starting with adobe:). Required by every operation.
     */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getProjectId() {
        return projectId;
    }

    /**
     * The project whose shares are listed or in which shares are created; the project a consumer watches.
     */
    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getShareId() {
        return shareId;
    }

    /**
     * The share to act on (a UUID), when not given by the CamelFrameioSharesShareId header; shareActivity: the one
     * share whose activity is followed (instead of every share of projectId).
     */
    public void setShareId(String shareId) {
        this.shareId = shareId;
    }

    public String getAssetId() {
        return assetId;
    }

    /**
     * The asset (file, folder or version stack) to add to or remove from a share, when not given by a header or the
     * body.
     */
    public void setAssetId(String assetId) {
        this.assetId = assetId;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * A fixed Adobe IMS access token. It is not refreshed: prefer clientId with clientSecret (server-to-server) or
     * with refreshToken (user) for anything that runs longer than the token lives.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The Adobe IMS client id (API key) of the credential, for server-to-server (with clientSecret) or user (with
     * refreshToken) authentication.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * The Adobe IMS client secret. With clientId alone it selects server-to-server (OAuth client credentials)
     * authentication; with refreshToken it is sent along when refreshing (web app credentials).
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getScopes() {
        return scopes;
    }

    /**
     * The scopes of server-to-server tokens, comma-separated. Frame.io needs frame.s2s.all.
     */
    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * A user's refresh token (from an authorisation with the offline_access scope), with clientId. Adobe IMS rotates
     * it on every use; the successor is kept in refreshTokenFile or refreshTokenStore so that a restart continues.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getRefreshTokenFile() {
        return refreshTokenFile;
    }

    /**
     * A file in which the rotated refresh token is kept across restarts (written atomically, readable by the owner
     * only). Without it, or a refreshTokenStore, rotations are kept in memory only.
     */
    public void setRefreshTokenFile(String refreshTokenFile) {
        this.refreshTokenFile = refreshTokenFile;
    }

    public RefreshTokenStore getRefreshTokenStore() {
        return refreshTokenStore;
    }

    /**
     * Where the rotated refresh token is kept across restarts, for stores other than a file (a database, a vault).
     */
    public void setRefreshTokenStore(RefreshTokenStore refreshTokenStore) {
        this.refreshTokenStore = refreshTokenStore;
    }

    public AccessTokenProvider getTokenProvider() {
        return tokenProvider;
    }

    /**
     * A bean that supplies access tokens in any other way; replaces the other authentication options.
     */
    public void setTokenProvider(AccessTokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The Frame.io API URL. https is required; plain http only to a loopback address (a local simulator).
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getImsUrl() {
        return imsUrl;
    }

    /**
     * The Adobe IMS URL that issues tokens (path /ims/token/v3). https is required; plain http only to a loopback
     * address.
     */
    public void setImsUrl(String imsUrl) {
        this.imsUrl = imsUrl;
    }

    public FrameioSharesClient getClient() {
        return client;
    }

    /**
     * A Frame.io client to use instead of one the component builds from these options (autowired when exactly one
     * is in the registry).
     */
    public void setClient(FrameioSharesClient client) {
        this.client = client;
    }

    public int getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a connection to Frame.io or Adobe IMS, in milliseconds.
     */
    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long the connection may stay silent once a request is sent, in milliseconds (must be positive). An answer
     * that keeps arriving a byte at a time is ended by overallTimeout, which bounds the whole call.
     */
    public void setResponseTimeout(int responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * The largest answer body read from Frame.io, in bytes (at least 1024; default 8 MiB, some 20 times the largest
     * page of 100 shares). A larger or endless answer is cut off at the limit and fails the call with a
     * FrameioResponseTooLargeException; the connection is closed and the next call is unaffected. Header lines are
     * limited to 64 KiB and 200 headers.
     */
    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public int getMaxPages() {
        return maxPages;
    }

    /**
     * The most pages one listing reads (listShares and the other list operations, and each poll of the consumers):
     * past it, or when Frame.io answers a next cursor it answered before in the same listing, the listing fails with
     * a FrameioPagingException instead of paging on forever. The default, 10000, is a million items.
     */
    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The most connections kept open to Frame.io and Adobe IMS (one pool shared by the endpoints of a credential).
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, key store, protocols) for the connections to Frame.io and Adobe IMS.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * An HTTP proxy through which Frame.io and Adobe IMS are reached.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    /**
     * The proxy's port.
     */
    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    /**
     * The user for proxy authentication, if the proxy needs one.
     */
    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    /**
     * The password for proxy authentication.
     */
    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public boolean isRateLimitPacing() {
        return rateLimitPacing;
    }

    /**
     * Whether calls wait for room in Frame.io's rate limits (per account, credential and operation, corrected from
     * every answer's x-ratelimit headers) before they are sent, so that bursts do not draw 429s. Waiting holds no
     * thread.
     */
    public void setRateLimitPacing(boolean rateLimitPacing) {
        this.rateLimitPacing = rateLimitPacing;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How often a failed call is repeated: after a 429 or a refused connection (any operation), or after a 5xx, reset
     * or timeout (operations that are safe to repeat). 0 turns retries off.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getInitialBackoff() {
        return initialBackoff;
    }

    /**
     * The first wait, in milliseconds, after a 429 or a connection failure; each later wait at least doubles (with up
     * to 25% jitter) up to maxBackoff.
     */
    public void setInitialBackoff(long initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public long getServerErrorBackoff() {
        return serverErrorBackoff;
    }

    /**
     * The first wait, in milliseconds, after a 5xx answer (Frame.io asks clients to wait at least 30 seconds); later
     * waits double up to maxBackoff.
     */
    public void setServerErrorBackoff(long serverErrorBackoff) {
        this.serverErrorBackoff = serverErrorBackoff;
    }

    public long getMaxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest single wait between attempts, in milliseconds.
     */
    public void setMaxBackoff(long maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The longest Retry-After, in milliseconds, that a 429 is retried after; a longer one fails the call at once
     * instead of stalling the route.
     */
    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public long getOverallTimeout() {
        return overallTimeout;
    }

    /**
     * The longest one call may take from its first request to its answer, retries and waits included, in
     * milliseconds (0: no limit). When it passes, the request in flight is aborted (a silent server, an answer that
     * drips) and the call fails with a FrameioTimeoutException, or a FrameioOutcomeUnknownException for createShare
     * and addReviewers once a request went out. Time spent waiting for rate-limit budget before the first request is
     * not counted.
     */
    public void setOverallTimeout(long overallTimeout) {
        this.overallTimeout = overallTimeout;
    }

    public long getReconcileWindow() {
        return reconcileWindow;
    }

    /**
     * How long, in milliseconds, a createShare whose outcome is unknown (a 5xx, reset or timeout) is looked for in
     * the project before it fails with FrameioOutcomeUnknownException. It is never repeated blindly.
     */
    public void setReconcileWindow(long reconcileWindow) {
        this.reconcileWindow = reconcileWindow;
    }

    public int getPageSize() {
        return pageSize;
    }

    /**
     * Items per page read by list operations, 1 to 100. Larger pages cost fewer calls of the rate limit.
     */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getMaxResults() {
        return maxResults;
    }

    /**
     * The most items a list operation returns (0: all). When it stops early, the CamelFrameioSharesNextCursor header
     * continues the listing.
     */
    public void setMaxResults(int maxResults) {
        this.maxResults = maxResults;
    }

    public String getSort() {
        return sort;
    }

    /**
     * Order of list operations. listShares: name_asc, created_at_asc, name_desc, created_at_desc. listShareAssets:
     * name_asc, created_at_asc, updated_at_asc, name_desc, created_at_desc, updated_at_desc. listReviewers:
     * name_asc, active, name_desc, inactive.
     */
    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getInclude() {
        return include;
    }

    /**
     * What list operations add to each item, comma-separated. listShareAssets: media_links.original,
     * media_links.thumbnail, media_links.thumbnail_high_quality, media_links.video_h264_180, media_links.high_quality,
     * media_links.efficient, media_links.scrub_sheet, creator, project, metadata. listShareActivities and the
     * shareActivity consumer: user.
     */
    public void setInclude(String include) {
        this.include = include;
    }

    public boolean isIncludeTotalCount() {
        return includeTotalCount;
    }

    /**
     * Whether list operations ask for the listing's total (header CamelFrameioSharesTotalCount).
     */
    public void setIncludeTotalCount(boolean includeTotalCount) {
        this.includeTotalCount = includeTotalCount;
    }

    public boolean isSynchronous() {
        return synchronous;
    }

    /**
     * Whether the producer waits for Frame.io on the route's own thread instead of releasing it: the answer is then
     * read and the route continues on that thread, one thread hand-off less per call (cheaper for routes driven
     * synchronously, e.g. from a ProducerTemplate or a direct: route). Off by default: exchanges then wait for
     * rate-limit budget and answers without holding a thread, and the route continues on the component's callback
     * threads (never on the HTTP I/O threads).
     */
    public void setSynchronous(boolean synchronous) {
        this.synchronous = synchronous;
    }

    public boolean isStreaming() {
        return streaming;
    }

    /**
     * Whether list operations return an Iterator that reads each next page only when needed, instead of a List, so
     * that split(body()).streaming() processes any number of items in the memory of one page.
     */
    public void setStreaming(boolean streaming) {
        this.streaming = streaming;
    }

    public String getReviewerMessage() {
        return reviewerMessage;
    }

    /**
     * The notification message of addReviewers, when the body does not carry one (Frame.io requires a message).
     */
    public void setReviewerMessage(String reviewerMessage) {
        this.reviewerMessage = reviewerMessage;
    }

    public String getReviewerType() {
        return reviewerType;
    }

    /**
     * How plain reviewer identifiers are named. By default each is recognised: a UUID is a user id; an address whose
     * domain is AdobeID (or ends in techacct.adobe.com) an Adobe user id; any other address with a dotted domain an
     * e-mail address. Set share_list_ids to add share lists (their ids are UUIDs too).
     */
    public void setReviewerType(String reviewerType) {
        this.reviewerType = reviewerType;
    }

    public boolean isNotifyByEmail() {
        return notifyByEmail;
    }

    /**
     * Whether addReviewers has Frame.io e-mail the reviewers, when the body does not say. On a secure share, access
     * is granted either way.
     */
    public void setNotifyByEmail(boolean notifyByEmail) {
        this.notifyByEmail = notifyByEmail;
    }

    public String getStartFrom() {
        return startFrom;
    }

    /**
     * What a consumer without saved state emits first. now: nothing; it notes the shares (and their activity) as
     * they are and emits only later changes. beginning: every existing share as created (shareChanges), every
     * existing activity item (shareActivity).
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Where a consumer keeps what it has emitted, so that a restart emits exactly what changed while it was down:
     * any Camel StateRepository, started and stopped with the consumer. For anything beyond one process (replicas,
     * rolling updates, containers without a volume) the component's JdbcStateRepository (PostgreSQL): one row per
     * key, and fenced, so a replica that lost leadership cannot overwrite what the new leader wrote. On a single
     * host the component's DirectoryStateRepository (or stateDirectory). Camel's FileStateRepository rewrites its
     * whole file on every event once it holds more than 1 MB (about 7,000 shares). By default the state is kept in
     * memory by the endpoint (it survives route restarts, not a JVM restart).
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    /**
     * A directory in which the consumer keeps its state, one file per key (a DirectoryStateRepository): each write
     * goes to a new file that is synced and renamed over the old one, so a crash leaves the old or the new value;
     * created if missing, files readable by the owner only (POSIX). A write costs about the 1/1024 of the state that
     * changed. Consumers may share a directory (their keys differ); one process per directory. Not with
     * stateRepository.
     */
    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public String getStateRecovery() {
        return stateRecovery;
    }

    /**
     * What a consumer does with state that was lost or corrupted (keys missing, cut or changed in the state
     * repository). fail: the shares stored under those keys are held back, no event is emitted for them, and each
     * poll fails naming the keys (the others' events still flow) until the keys read back whole. rebaseline: the
     * lost keys are given up and those shares recorded as they are now, without emitting what changed in them
     * meanwhile (logged as a warning).
     */
    public void setStateRecovery(String stateRecovery) {
        this.stateRecovery = stateRecovery;
    }

    public String getStateKey() {
        return stateKey;
    }

    /**
     * The prefix of the consumer's keys in the state repository. By default it is made of the operation, account
     * and project (or share) ids, so consumers of different projects can share one repository; set it when two
     * consumers of the same project must keep separate state.
     */
    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public boolean isReviewerChanges() {
        return reviewerChanges;
    }

    /**
     * shareChanges: also emit reviewersAdded and reviewersRemoved, by comparing each secure share's reviewers list
     * with the last one seen. Frame.io allows 10 list-reviewers calls a minute; see reviewerCallsPerMinute.
     */
    public void setReviewerChanges(boolean reviewerChanges) {
        this.reviewerChanges = reviewerChanges;
    }

    public boolean isAssetChanges() {
        return assetChanges;
    }

    /**
     * shareChanges: also emit assetsAdded and assetsRemoved, by comparing each share's assets with the last ones
     * seen (at least one list-share-assets call per share).
     */
    public void setAssetChanges(boolean assetChanges) {
        this.assetChanges = assetChanges;
    }

    public int getConsumerCallsPerMinute() {
        return consumerCallsPerMinute;
    }

    /**
     * The most calls a minute a consumer makes of each operation Frame.io limits to 100 a minute (list shares, show
     * share, list share assets, list share activity). The default, half of Frame.io's limit, leaves the other half
     * to producers and other consumers of the same credential. A full scan of n shares costs ceil(n / 100) list
     * calls.
     */
    public void setConsumerCallsPerMinute(int consumerCallsPerMinute) {
        this.consumerCallsPerMinute = consumerCallsPerMinute;
    }

    public int getReviewerCallsPerMinute() {
        return reviewerCallsPerMinute;
    }

    /**
     * The most list-reviewers calls a minute of a consumer with reviewerChanges (Frame.io allows 10). Each secure
     * share costs one; they are spread round-robin over the polls.
     */
    public void setReviewerCallsPerMinute(int reviewerCallsPerMinute) {
        this.reviewerCallsPerMinute = reviewerCallsPerMinute;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The most exchanges one poll emits (0: no limit). The rest are emitted by the next polls; nothing is lost.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    /**
     * webhook:frameio-shares:shareChanges: the workspace of the project. Frame.io webhooks belong to a workspace and
     * post the events of all its projects; those of other projects are answered and dropped.
     */
    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public long getReconcileDelay() {
        return reconcileDelay;
    }

    /**
     * webhook:frameio-shares:shareChanges: milliseconds between the polls that reconcile what the webhook pushed
     * (deliveries that never came, deletions, and reviewerChanges and assetChanges, which Frame.io never pushes). It
     * replaces delay in push mode; an event seen by a push and a poll is emitted once.
     */
    public void setReconcileDelay(long reconcileDelay) {
        this.reconcileDelay = reconcileDelay;
    }

    public String getWebhookSecret() {
        return webhookSecret;
    }

    /**
     * webhook:frameio-shares:shareChanges: the signing secret of a webhook registered by hand (Frame.io shows it
     * once, at creation). When set, the route registers nothing: it only verifies deliveries with it.
     */
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
    }

    public String getWebhookSecretKey() {
        return webhookSecretKey;
    }

    /**
     * webhook:frameio-shares:shareChanges: the key (at least 16 characters) that encrypts the signing secret of the
     * webhook the route registered, kept in the stateRepository or stateDirectory (AES-GCM, key derived with
     * PBKDF2), so that a restart verifies deliveries without registering again. Defaults to clientSecret when that is
     * set. With a state store and neither, the route refuses to start.
     */
    public void setWebhookSecretKey(String webhookSecretKey) {
        this.webhookSecretKey = webhookSecretKey;
    }

    public boolean isDeleteWebhookOnStop() {
        return deleteWebhookOnStop;
    }

    /**
     * webhook:frameio-shares:shareChanges: delete the registered webhook when the route stops (and camel-webhook's
     * webhookAutoRegister is on). Off by default: a webhook kept across a restart keeps its secret, and Frame.io
     * retries what it could not deliver meanwhile.
     */
    public void setDeleteWebhookOnStop(boolean deleteWebhookOnStop) {
        this.deleteWebhookOnStop = deleteWebhookOnStop;
    }

    public int getWebhookMaxBodySize() {
        return webhookMaxBodySize;
    }

    /**
     * webhook:frameio-shares:shareChanges: the largest delivery accepted, in bytes; a larger one is refused (401)
     * unread. Frame.io's deliveries carry ids only, a few hundred bytes.
     */
    public void setWebhookMaxBodySize(int webhookMaxBodySize) {
        this.webhookMaxBodySize = webhookMaxBodySize;
    }

    public FrameioSharesConfiguration copy() {
        try {
            return (FrameioSharesConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
