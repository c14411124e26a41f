/** Chinese title and hint per `oauth.*` check id (docs/oauth.md). */
export const OAUTH_CHECK_MESSAGES_ZH: Readonly<Record<string, { readonly title: string; readonly hint: string }>> = {
  'oauth.login-redirect': {
    title: '卖家服务的登录地址重定向到 koomock 的授权地址，并带 response_type=code、同步下发的 client_id 和 redirect_uri',
    hint: '登录入口应把浏览器重定向到 {domainName}/api/v1/oauth2/authorize，domainName 取自 tenantSync，client_id 取自 applicationSync，并带 state。',
  },
  'oauth.authorize': {
    title: 'koomock 的授权地址接受了卖家服务的请求，并带授权码重定向回来',
    hint: '请按 koomock 返回的 error_description 修正授权请求（client_id、redirect_uri、response_type）。',
  },
  'oauth.code-exchanged': {
    title: '卖家服务在应答回调时用授权码换取了令牌',
    hint: '回调收到 code 后，请用 client_id 和解密后的 clientSecret 调用 POST {domainName}/api/v1/oauth2/token（grant_type=authorization_code）。',
  },
  'oauth.userinfo': {
    title: '卖家服务用换得的访问令牌调用了 userinfo',
    hint: '请以 Authorization: Bearer <access_token> 调用 GET {domainName}/api/v1/oauth2/userinfo，从中读取登录用户。',
  },
  'oauth.session': {
    title: '卖家服务以会话应答回调（2xx 或重定向进入应用）',
    hint: '换取令牌并读取 userinfo 后，请建立会话，并返回页面或重定向进入应用。',
  },
  'oauth.code-reuse': {
    title: '重放已用过的授权码不会建立会话',
    hint: '授权码只能使用一次：第二次换取返回 400 invalid_grant。建立会话前请检查令牌应答；出错时返回 401 或让浏览器重新登录。',
  },
  'oauth.logout': {
    title: '卖家服务的登出地址重定向到 koomock 的 /api/v1/logout，koomock 再重定向回来',
    hint: '请先结束自己的会话，再重定向到 {domainName}/api/v1/logout?redirect_url=<URL 编码的本方页面>。',
  },
};
