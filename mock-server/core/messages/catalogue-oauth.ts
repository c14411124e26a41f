/** The SSO step's sentences: the `oauth.*` checks and what koomock's OAuth endpoints answer (see catalogue.ts for the template syntax). */
import type { MessageEntry } from './message-entry.js';

export const OAUTH_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // Step title and skip reason (core/scenario/load/to-model.ts, core/scenario/run/engine.ts).
  'title.sso': { en: 'single sign-on as the buyer', zh: '以买家身份单点登录' },
  'skip.sso-login-url': { en: "needs the seller's single sign-on entry; set seller.loginUrl", zh: '需要卖家服务的单点登录入口；请配置 seller.loginUrl' },
  // oauth.login-redirect (core/scenario/run/sso.ts)
  'oauth.login-expected': {
    en: "a redirect from {url} to koomock's /api/v1/oauth2/authorize with response_type=code, client_id={clientId} and redirect_uri",
    zh: '{url} 重定向到 koomock 的 /api/v1/oauth2/authorize，并带 response_type=code、client_id={clientId} 和 redirect_uri',
  },
  'oauth.login-not-authorize': { en: "{answer}, not koomock's authorize endpoint", zh: '{answer}，不是 koomock 的授权（authorize）地址' },
  'oauth.login-response-type': { en: 'response_type is {value}, not "code"', zh: 'response_type 为 {value}，应为 "code"' },
  'oauth.login-client-id': { en: 'client_id is {value}, not the synced {clientId}', zh: 'client_id 为 {value}，不是应用同步下发的 {clientId}' },
  'oauth.login-redirect-uri': { en: 'redirect_uri is missing or not an absolute URL', zh: '缺少 redirect_uri，或它不是绝对地址' },
  'oauth.login-hint': {
    en: 'Send the browser to {domainName}/api/v1/oauth2/authorize?response_type=code&client_id=<clientId of applicationSync>&redirect_uri=<your callback, URL-encoded>&scope=get_user_info&state=<random>, with domainName from tenantSync.',
    zh: '请把浏览器重定向到 {domainName}/api/v1/oauth2/authorize?response_type=code&client_id=<applicationSync 下发的 clientId>&redirect_uri=<回调地址，URL 编码>&scope=get_user_info&state=<随机值>，其中 domainName 取自 tenantSync。',
  },
  // oauth.authorize
  'oauth.authorize-expected': { en: 'a redirect to {url} with a code', zh: '重定向到 {url} 并带授权码 code' },
  'oauth.authorize-refused': { en: 'koomock answered {answer} with {code}: {~why}', zh: 'koomock 返回 {answer}，错误 {code}：{~why}' },
  'oauth.authorize-hint': { en: "koomock refused the authorize request the seller built: fix what its error_description names.", zh: 'koomock 拒绝了卖家服务构造的授权请求：请按 error_description 所述修正。' },
  'oauth.authorize-no-client': {
    en: "No client with requested id: {value}. Use the clientId koomock's applicationSync sent you (or register the client in koomock's config).",
    zh: '没有 id 为 {value} 的客户端。请使用 koomock 通过 applicationSync 下发的 clientId（或在 koomock 配置中注册该客户端）。',
    nested: true,
  },
  'oauth.authorize-bad-redirect': { en: 'redirect_uri must be an absolute http(s) URL (URL-encoded in the query)', zh: 'redirect_uri 必须是绝对的 http(s) 地址（在查询串中做 URL 编码）', nested: true },
  'oauth.authorize-unregistered': { en: 'redirect_uri {url} is not registered for this client; registered: {list}', zh: 'redirect_uri {url} 未为该客户端注册；已注册：{list}', nested: true },
  'oauth.authorize-response-type': { en: 'response_type must be "code", received {value}', zh: 'response_type 必须为 "code"，实际为 {value}', nested: true },
  // oauth.code-exchanged (core/checks/oauth-sso.ts)
  'oauth.exchange-expected': {
    en: 'POST /api/v1/oauth2/token with grant_type=authorization_code and this code, answered with tokens',
    zh: '用 grant_type=authorization_code 和该授权码调用 POST /api/v1/oauth2/token，并获得令牌',
  },
  'oauth.exchange-ok': { en: 'the code was exchanged for an access token', zh: '授权码已换取访问令牌' },
  'oauth.exchange-refused': { en: 'the token endpoint refused the exchange with {code}: {~why}', zh: '令牌接口拒绝了换取，错误 {code}：{~why}' },
  'oauth.exchange-refused-hint': {
    en: 'Send client_id and the decrypted clientSecret of applicationSync (form body or HTTP Basic), the code from the callback and the same redirect_uri, as application/x-www-form-urlencoded.',
    zh: '请以 application/x-www-form-urlencoded 发送 client_id 和解密后的 applicationSync clientSecret（表单或 HTTP Basic）、回调收到的 code，以及相同的 redirect_uri。',
  },
  'oauth.exchange-none': { en: 'the seller never called the token endpoint with the code', zh: '卖家服务从未用该授权码调用令牌接口' },
  'oauth.exchange-none-hint': {
    en: 'A code proves nothing by itself: exchange it at {domainName}/api/v1/oauth2/token before you trust the login, then read the user from userinfo.',
    zh: '授权码本身不能证明任何事：请先在 {domainName}/api/v1/oauth2/token 换取令牌再信任这次登录，然后通过 userinfo 读取用户。',
  },
  // What koomock's token endpoint says when it refuses (core/openapi/oauth-token.ts).
  'oauth.token-used': { en: 'the code was already used (codes are single use)', zh: '授权码已被使用（授权码只能使用一次）', nested: true },
  'oauth.token-expired': { en: 'the code is expired (codes live 5 min)', zh: '授权码已过期（有效期 5 分钟）', nested: true },
  'oauth.token-unknown': { en: 'the code is unknown or was issued to another client', zh: '授权码未知，或签发给了其他客户端', nested: true },
  'oauth.token-bad-secret': {
    en: 'client_secret does not match for client {clientId}: use the decrypted clientSecret from applicationSync',
    zh: '客户端 {clientId} 的 client_secret 不匹配：请使用 applicationSync 下发并解密后的 clientSecret',
    nested: true,
  },
  'oauth.token-unknown-client': { en: 'client_id {value} is not a registered client', zh: 'client_id {value} 不是已注册的客户端', nested: true },
  'oauth.token-no-client': { en: 'no client_id: send client_id and client_secret in the form or as HTTP Basic', zh: '缺少 client_id：请在表单中或以 HTTP Basic 发送 client_id 和 client_secret', nested: true },
  'oauth.token-redirect': { en: 'redirect_uri must be the one of the authorize call: {url}', zh: 'redirect_uri 必须与授权请求中的一致：{url}', nested: true },
  // oauth.userinfo
  'oauth.userinfo-expected': {
    en: 'GET /api/v1/oauth2/userinfo with Authorization: Bearer and the access token of the code',
    zh: '用该授权码换得的访问令牌，以 Authorization: Bearer 调用 GET /api/v1/oauth2/userinfo',
  },
  'oauth.userinfo-ok': { en: 'userinfo answered the buyer', zh: 'userinfo 返回了买家信息' },
  'oauth.userinfo-none': { en: 'the seller never called userinfo with the access token', zh: '卖家服务从未用该访问令牌调用 userinfo' },
  'oauth.userinfo-refused': { en: 'userinfo refused the call: {~why}', zh: 'userinfo 拒绝了调用：{~why}' },
  'oauth.userinfo-no-header': { en: 'no "Authorization: Bearer <access_token>" header', zh: '缺少 "Authorization: Bearer <access_token>" 请求头', nested: true },
  'oauth.userinfo-unknown': { en: 'the access token is unknown', zh: '访问令牌未知', nested: true },
  'oauth.userinfo-expired': { en: 'the access token expired (7200 s): refresh it with grant_type=refresh_token', zh: '访问令牌已过期（7200 秒）：请用 grant_type=refresh_token 刷新', nested: true },
  'oauth.userinfo-hint': {
    en: 'Read who signed in from userinfo (userId, userName, tenant) with the access token the exchange returned; never take the user from the callback URL.',
    zh: '请用换取到的访问令牌从 userinfo 读取登录用户（userId、userName、tenant）；不要从回调地址中取用户。',
  },
  // oauth.session
  'oauth.session-expected': { en: 'HTTP 2xx, or a redirect into the app (not to the login URL, not to koomock)', zh: 'HTTP 2xx，或重定向进入应用（不是登录地址，也不是 koomock）' },
  'oauth.session-hint': {
    en: "After the code exchange and userinfo, start the buyer's session and answer the callback with the page or a redirect into the app.",
    zh: '换取令牌并读取 userinfo 后，请为买家建立会话，并以页面或重定向进入应用的方式应答回调。',
  },
  // oauth.code-reuse
  'oauth.reuse-expected': {
    en: "no session for a code that was already spent: an error answer (4xx) or a redirect other than the login's",
    zh: '已用过的授权码不得建立会话：应返回错误（4xx），或重定向到与正常登录不同的地方',
  },
  'oauth.reuse-ok': { en: '{answer} ({~how})', zh: '{answer}（{~how}）' },
  'oauth.reuse-session': { en: '{answer}, as for a login ({~how})', zh: '{answer}，与正常登录相同（{~how}）' },
  'oauth.reuse-retried': { en: 'the seller exchanged the spent code again and koomock answered invalid_grant', zh: '卖家服务再次用已用过的授权码换取令牌，koomock 返回 invalid_grant', nested: true },
  'oauth.reuse-not-retried': { en: 'the seller did not exchange the spent code again', zh: '卖家服务没有再次用已用过的授权码换取令牌', nested: true },
  'oauth.reuse-hint': {
    en: 'A code is single use: the second exchange answers 400 {"error":"invalid_grant"}. Check the token answer (HTTP 200 with an access_token) before you start a session; on an error, answer 401 or send the browser back to sign in.',
    zh: '授权码只能使用一次：第二次换取会返回 400 {"error":"invalid_grant"}。建立会话前请检查令牌应答（HTTP 200 且带 access_token）；出错时返回 401，或让浏览器重新登录。',
  },
  // oauth.logout (core/scenario/run/sso-logout.ts)
  'oauth.logout-expected': { en: "the logout URL redirects to koomock's /api/v1/logout?redirect_url=…, which redirects back", zh: '登出地址重定向到 koomock 的 /api/v1/logout?redirect_url=…，koomock 再重定向回来' },
  'oauth.logout-not-koomock': { en: "{answer}, not koomock's /api/v1/logout", zh: '{answer}，不是 koomock 的 /api/v1/logout' },
  'oauth.logout-refused': { en: 'koomock refused the logout: {answer} (redirect_url must be an absolute http(s) URL, URL-encoded)', zh: 'koomock 拒绝了登出：{answer}（redirect_url 必须是 URL 编码的绝对 http(s) 地址）' },
  'oauth.logout-hint': {
    en: 'End your own session, then send the browser to {domainName}/api/v1/logout?redirect_url=<URL-encoded page of yours> so the OneAccess session ends too.',
    zh: '请先结束自己的会话，再把浏览器重定向到 {domainName}/api/v1/logout?redirect_url=<URL 编码的本方页面>，让 OneAccess 会话也结束。',
  },
};
