/** Help texts of the signing commands; every example is a spec vector, so its output can be checked. */

/** commander collector for a repeatable flag. */
export const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** Which key each scheme takes (卖家中心 → 应用工具 → 密钥管理, or the V1 Key). */
export const KEY_HELP = {
  v2: 'the 基础接口 (basic interface) access key; orderNotify uses the 通用接口 (general) key',
  kit: 'the 联营SaaS同步接口 (joint-operation kit) key',
  v1: 'the V1 seller Key (服务商信息 / interface addresses)',
  usage: 'the ISV 对接密钥 (usage key) the usage push is signed with',
} as const;

const V2_BODY =
  '{"activity":"newInstance","businessId":"87b94795-0603-4e24-8ae5-69420d60e3c8","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"0"}';
const V2_FLAGS = `--key testAccessKey123 --timestamp 1680508066618 \\
      --nonce 50D83FDECAED6CCD8EF597F2A577950527928BA287D04E6036E92B2806FD17DA \\
      --body '${V2_BODY}'`;
const V1_PARAMS =
  'activity=newInstance&businessId=61e834ba-7b97-4418-b8f7-e5345137278c&customerId=68cbc86abc2018ab880d92f36422fa0e&expireTime=20200727153156&orderId=CS1906666666ABCDE&productId=00301-666666-0--0&testFlag=1&timeStamp=20200727073711903';
const BODY = '{"resultCode":"000000","resultMsg":"success.","instanceId":"abc"}';
const APIG_FLAGS = `--method GET \\
      --url 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0' \\
      --header 'Content-Type: application/json' --date 20191115T033655Z`;
const APIG_KEYS = '--ak QTWAOYTTINDUT2QVKYUC --sk MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const USAGE_FLAGS = `--key exampleIsvKey --ts 1732180500000 --nonce 3f9a1c0e7b2d4e6f --body @usage.json`;

const example = (lines: string): string => `\nExample (a test vector of the spec; docs/signing.md explains each step):\n${lines}`;

export const EXAMPLES = {
  signV2: example(`  $ koomock sign v2 ${V2_FLAGS}
  BEF083BC31BC8AE73DA87F2757727CCBD7962B4E7A9DBAD0AED74C99DE8B7889`),
  signKit: example(`  $ koomock sign kit ${V2_FLAGS}
  258AE3A78DBF2EA9905976BC0C249C10B80E203D20C2CB18B67853BB1240A8E9`),
  signV1: example(`  $ koomock sign v1 --key testAccessKey123 --params '${V1_PARAMS}'
  IzyXxySagieGHt354yIOhnCrv0vphQN0e9NuWT2MKNY=`),
  signBody: example(`  $ koomock sign body --key testAccessKey123 --body '${BODY}'
  T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00=
  $ koomock sign body --header …     # sign_type="HMAC-SHA256", signature= "T04v…L00="`),
  signApig: example(`  $ koomock sign apig ${APIG_KEYS} ${APIG_FLAGS}
  SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe`),
  signUsage: example(`  $ koomock sign usage ${USAGE_FLAGS}     # usage.json: the body of open-api.md §2.4 vector 3
  Ifmlj2ptD1ygMh+hvqazn3euGLLWwnlgYGc5u3mf7nk=`),
  verifyV2: example(`  $ koomock verify v2 ${V2_FLAGS} \\
      --signature BEF083BC31BC8AE73DA87F2757727CCBD7962B4E7A9DBAD0AED74C99DE8B7889
  ok
--now defaults to --timestamp, so a signature from an old log still verifies; pass --now <ms> or
--now now to apply the 60 s window as the seller must. Exit codes: 0 ok, 1 not accepted, 2 bad input.`),
  verifyKit: example(`  $ koomock verify kit ${V2_FLAGS} \\
      --signature 258AE3A78DBF2EA9905976BC0C249C10B80E203D20C2CB18B67853BB1240A8E9
  ok
--now defaults to --timestamp (no time check); pass --now <ms> or --now now for the 60 s window.`),
  verifyV1: example(`  $ koomock verify v1 --key testAccessKey123 --params '${V1_PARAMS}' \\
      --signature IzyXxySagieGHt354yIOhnCrv0vphQN0e9NuWT2MKNY=
  ok
--params may also be the whole query including authToken (then leave out --signature).`),
  verifyBody: example(`  $ koomock verify body --key testAccessKey123 --body '${BODY}' \\
      --header 'sign_type="HMAC-SHA256", signature= "T04vcWSRdUTquvm5TC2jQVd5pZAFsvwfkjVhm+FUL00="'
  ok`),
  verifyApig: example(`  $ koomock verify apig --sk MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc ${APIG_FLAGS} \\
      --authorization 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe'
  ok
--now defaults to --date, so an old request still verifies; pass --now <ms> or --now now for the ±15 min rule.`),
  verifyUsage: example(`  $ koomock verify usage ${USAGE_FLAGS} \\
      --signature Ifmlj2ptD1ygMh+hvqazn3euGLLWwnlgYGc5u3mf7nk=
  ok
--now defaults to --ts (no time check); pass --now <ms> or --now now for the 60 s window.`),
  aesEncrypt: example(`  $ koomock aes encrypt --key testAccessKey123 --type 1 --iv abcdefghijklmnop --text Huawei12345
  abcdefghijklmnop1xYuLrdjn7qeWzXPhaG6cQ==`),
  aesDecrypt: example(`  $ koomock aes decrypt --key testAccessKey123 --type 2 --text abcdefghijklmnophSViD56uRtzvT8vEfymQQw==
  Huawei12345`),
} as const;
