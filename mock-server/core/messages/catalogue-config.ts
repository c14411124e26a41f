/**
 * What koomock says of a config file it cannot load (config/): YAML and JSON syntax, unknown keys,
 * values of the wrong kind. Key paths, files, lines and values stay as they are; see catalogue.ts
 * for the template syntax.
 */
import type { MessageEntry } from './message-entry.js';

export const CONFIG_SENTENCES: Readonly<Record<string, MessageEntry>> = {
  // config/problems.ts toConfigError: a heading, one line per problem, a closing advice.
  'config.invalid-one': { en: 'invalid configuration (1 problem):', zh: '配置无效（1 个问题）：' },
  'config.invalid': { en: 'invalid configuration ({n} problems):', zh: '配置无效（{n} 个问题）：' },
  'config.row': { en: '  - {key} ({~where}): {~problem}', zh: '  - {key}（{~where}）：{~problem}' },
  'config.fix': {
    en: 'Fix the value where it is set and run again; docs/config.md describes every key, and `koomock init` writes a commented example.',
    zh: '请在设置该值的地方修正后重新运行；docs/config.md 说明了每个键，`koomock init` 会写出带注释的示例。',
  },
  'config.where-line': { en: '{file}, line {n}', zh: '{file} 第 {n} 行', nested: true },
  'config.where-variable': { en: 'variable {name}', zh: '环境变量 {name}', nested: true },
  'config.where-flag': { en: 'flag {name}', zh: '选项 {name}', nested: true },
  'config.where-defaults': { en: 'defaults', zh: '默认值', nested: true },
  'config.unknown-key-hint': { en: 'unknown key; {~hint}', zh: '未知的键；{~hint}', nested: true },
  'config.unknown-key': { en: 'unknown key', zh: '未知的键', nested: true },
  'config.keys-allowed-top': { en: 'the keys allowed in the top level are {list}', zh: '顶层允许的键有 {list}', nested: true },
  'config.keys-allowed': { en: 'the keys allowed in {key} are {list}', zh: '{key} 中允许的键有 {list}', nested: true },
  'config.expected-hint': { en: 'expected {~expected}, got {~got}; {~hint}', zh: '期望{~expected}，实际为 {~got}；{~hint}', nested: true },
  'config.expected': { en: 'expected {~expected}, got {~got}', zh: '期望{~expected}，实际为 {~got}', nested: true },
  // config/problems.ts renderValue: a value that is not echoed.
  'config.value-secret-text': { en: 'a text of {n} characters (hidden: it is a secret)', zh: '长度为 {n} 个字符的文本（已隐藏：这是密钥）', nested: true },
  'config.value-secret': { en: 'a {type} (hidden: it is a secret)', zh: '{type} 值（已隐藏：这是密钥）', nested: true },
  'config.value-text': { en: 'a text of {n} characters', zh: '长度为 {n} 个字符的文本', nested: true },
  'config.value-list': { en: 'a list of {n} items', zh: '含 {n} 项的列表', nested: true },
  'config.value-list-one': { en: 'a list of 1 item', zh: '含 1 项的列表', nested: true },
  'config.value-boolean': { en: 'a boolean', zh: '布尔值', nested: true },
  // core/schemas/schema-walk.ts describeExpected and config.schema.json descriptions
  'config.expect.boolean': { en: '`true` or `false`', zh: ' `true` 或 `false`', nested: true },
  'config.expect.non-empty': { en: 'a non-empty text', zh: '非空文本', nested: true },
  'config.expect.one-of': { en: 'one of {list}', zh: ' {list} 之一', nested: true },
  'config.expect.integer-range': { en: 'a whole number from {min} to {max}', zh: ' {min} 到 {max} 之间的整数', nested: true },
  'config.expect.duration': {
    en: 'a duration: milliseconds as a whole number (20000), or a number with a unit ms, s, m, h or d (`20s`, `3m`, `3h`), at most 24 days',
    zh: '时长：整数毫秒（20000），或带单位 ms、s、m、h、d 的数字（`20s`、`3m`、`3h`），最长 24 天',
    nested: true,
  },
  'config.expect.duration-positive': {
    en: 'a duration above zero: milliseconds as a whole number (20000), or a number with a unit ms, s, m, h or d (`20s`, `3m`, `3h`), at most 24 days',
    zh: '大于零的时长：整数毫秒（20000），或带单位 ms、s、m、h、d 的数字（`20s`、`3m`、`3h`），最长 24 天',
    nested: true,
  },
  'config.expect.port': { en: 'a TCP port: a whole number from 0 to 65535 (0 picks a free port)', zh: 'TCP 端口：0 到 65535 之间的整数（0 表示任选一个空闲端口）', nested: true },
  'config.expect.url': { en: 'an http:// or https:// URL without a #fragment', zh: '不带 #片段 的 http:// 或 https:// 地址', nested: true },
  'config.expect.production-url': {
    en: "the seller's production interface address (生产接口地址): an http:// or https:// URL without a #fragment, such as {example}",
    zh: '卖家的生产接口地址：不带 #片段 的 http:// 或 https:// 地址，例如 {example}',
    nested: true,
  },
  'config.expect.secret': {
    en: 'a non-empty single-line secret of at most 256 characters, without leading or trailing spaces',
    zh: '非空的单行密钥，最多 256 个字符，首尾不能有空格',
    nested: true,
  },
  'config.expect.ak': { en: 'an access key id (AK): 1 to 128 letters and digits', zh: '访问密钥 ID（AK）：1 到 128 个字母和数字', nested: true },
  'config.expect.sk': { en: 'a secret access key (SK): 1 to 256 letters and digits', zh: '秘密访问密钥（SK）：1 到 256 个字母和数字', nested: true },
  'config.expect.account': { en: 'a Huawei Cloud account id: 32 lower-case hex characters', zh: '华为云账号 ID：32 个小写十六进制字符', nested: true },
  'config.expect.host': {
    en: 'an IP address or host name to listen on, such as {examples}',
    zh: '要监听的 IP 地址或主机名，例如 {examples}',
    nested: true,
  },
  // config/parse-file.ts: syntax errors of the file.
  'config.syntax-at': { en: '{where}: {format} syntax error at line {line}, column {column}: {~problem}. Fix the file and run again.', zh: '{where}：{format} 语法错误，位于第 {line} 行第 {column} 列：{~problem}。请修正该文件后重新运行。' },
  'config.syntax': { en: '{where}: {format} syntax error: {~problem}. Fix the file and run again.', zh: '{where}：{format} 语法错误：{~problem}。请修正该文件后重新运行。' },
  'config.syntax.unclosed': { en: 'this [ ] or { } is not closed', zh: '这里的 [ ] 或 { } 没有闭合', nested: true },
  'config.syntax.unclosed-quote': { en: 'this quoted value has no closing quote', zh: '这个带引号的值缺少结尾的引号', nested: true },
  'config.syntax.json-duplicate': { en: 'a key appears twice in the same object', zh: '同一对象中某个键出现了两次', nested: true },
  'config.syntax.collection-key': { en: 'a key is a list or mapping; keys must be plain text', zh: '有个键是列表或映射；键必须是普通文本', nested: true },
  'config.syntax.alias': { en: 'an alias (*name) refers to an anchor (&name) that is not defined before it', zh: '别名（*name）引用了此前未定义的锚点（&name）', nested: true },
  'config.syntax.too-deep': { en: 'the file could not be read as a config (too deeply nested or too many aliases)', zh: '无法将该文件读取为配置（嵌套过深或别名过多）', nested: true },
  // config/yaml-errors.ts: what a YAML parser error code means.
  'config.yaml.indent': {
    en: 'wrong indentation (indent nested keys by the same number of spaces, and close [ and { where they started)',
    zh: '缩进不对（嵌套的键请缩进相同数量的空格，[ 和 { 要在开始的层级闭合）',
    nested: true,
  },
  'config.yaml.scalar-start': { en: 'a plain value cannot start with this character: put the value in quotes', zh: '不加引号的值不能以这个字符开头：请给值加上引号', nested: true },
  'config.yaml.block-key': {
    en: 'a mapping cannot start on the line of its key: put nested keys on new lines, or quote a value that contains ": "',
    zh: '映射不能和它的键写在同一行：请把嵌套的键写到新行，或给含有 ": " 的值加上引号',
    nested: true,
  },
  'config.yaml.duplicate': { en: 'a key appears twice in the same mapping', zh: '同一映射中某个键出现了两次', nested: true },
  'config.yaml.missing-char': { en: 'a closing quote or bracket, or a `,` or `:` between items, is missing', zh: '缺少结尾的引号或括号，或项之间的 `,` 或 `:`', nested: true },
  'config.yaml.multiline-key': {
    en: 'a key must fit on one line: is a `:` missing after a key, or a quote not closed?',
    zh: '键必须写在一行内：是不是某个键后面缺了 `:`，或有引号没有闭合？',
    nested: true,
  },
  'config.yaml.docs': { en: 'the file holds several YAML documents (---); a config is one document', zh: '该文件含有多个 YAML 文档（---）；配置只能是一个文档', nested: true },
  'config.yaml.tab': { en: 'tabs are not allowed as indentation: indent with spaces', zh: '不能用制表符缩进：请用空格缩进', nested: true },
  'config.yaml.token': {
    en: 'unexpected characters: quote the value if it contains `: `, ` #` or starts with a special character',
    zh: '出现了意外的字符：如果值含有 `: `、` #` 或以特殊字符开头，请给它加上引号',
    nested: true,
  },
  'config.yaml.invalid': { en: 'invalid YAML', zh: 'YAML 无效', nested: true },
  // config/semantics.ts: what the schema cannot say.
  'config.semantic.duration-max': { en: 'a duration of at most {n} days', zh: '最长 {n} 天的时长', nested: true },
  'config.semantic.duration-zero': { en: 'a duration above zero (it rounds to 0 ms)', zh: '大于零的时长（它取整后为 0 ms）', nested: true },
  'config.semantic.product-id': {
    en: 'a productId no other catalog entry uses ({path} has it already)',
    zh: '其他目录项未使用的 productId（{path} 已经使用了它）',
    nested: true,
  },
  'config.semantic.period-types': { en: 'the period types of this PERIOD product, e.g. `[month]`', zh: '该 PERIOD 产品的周期类型，例如 `[month]`', nested: true },
  'config.semantic.period-sold': { en: 'PERIOD products are sold by month, year, day or hour', zh: 'PERIOD 产品按月、年、天或小时售卖', nested: true },
  'config.semantic.no-period-types': {
    en: 'no periodTypes: only PERIOD products have them, this one is {mode}',
    zh: '不应有 periodTypes：只有 PERIOD 产品才有，而这个是 {mode}',
    nested: true,
  },
  'config.semantic.key-clash': {
    en: 'a key different from {other}: KooGallery binds a separate key to each interface category ({label} vs {clash})',
    zh: '与 {other} 不同的 Key：云商店为每个接口类别绑定单独的 Key（{label} 与 {clash}）',
    nested: true,
  },
  'config.semantic.same-secret': { en: 'the same value (hidden: it is a secret)', zh: '相同的值（已隐藏：这是密钥）', nested: true },
  'config.semantic.kit-key-both': {
    en: 'either seller.kitPublicKey or seller.kitPublicKeyFile, not both',
    zh: 'seller.kitPublicKey 与 seller.kitPublicKeyFile 二选一，不能同时设置',
    nested: true,
  },
  // config/json-syntax.ts: syntax errors of a JSON config file.
  'config.json.value': { en: 'expected a value (an object, list, string, number, true, false or null)', zh: '这里应有一个值（对象、列表、字符串、数字、true、false 或 null）', nested: true },
  'config.json.unterminated': { en: 'unterminated string: a closing " is missing', zh: '字符串未结束：缺少结尾的 "', nested: true },
  'config.json.control': {
    en: 'a line break or control character inside a string (write it as \\n or \\uXXXX)',
    zh: '字符串中有换行或控制字符（请写成 \\n 或 \\uXXXX）',
    nested: true,
  },
  'config.json.unicode': { en: 'invalid \\u escape: expected 4 hex digits', zh: '无效的 \\u 转义：应为 4 位十六进制数字', nested: true },
  'config.json.escape': { en: 'invalid escape in a string', zh: '字符串中有无效的转义', nested: true },
  'config.json.end': { en: 'unexpected end of the file: a value is missing', zh: '文件意外结束：缺少一个值', nested: true },
  'config.json.key-comma': { en: 'expected a double-quoted key (JSON allows no trailing comma)', zh: '这里应有双引号括起的键（JSON 不允许末尾逗号）', nested: true },
  'config.json.key': { en: 'expected a double-quoted key', zh: '这里应有双引号括起的键', nested: true },
  'config.json.colon': { en: 'expected `:` after the key', zh: '键后面应有 `:`', nested: true },
  'config.json.value-comma': { en: 'expected a value (JSON allows no trailing comma)', zh: '这里应有一个值（JSON 不允许末尾逗号）', nested: true },
  'config.json.close-missing': { en: 'unexpected end of the file: {close} is missing', zh: '文件意外结束：缺少 {close}', nested: true },
  'config.json.comma-or-close': { en: 'expected `,` or {close}', zh: '这里应有 `,` 或 {close}', nested: true },
  'config.json.after': { en: 'unexpected text after the end of the JSON value', zh: 'JSON 值结束后还有多余的文本', nested: true },
};
