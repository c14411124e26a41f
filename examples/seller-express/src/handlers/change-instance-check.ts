import type { Handler } from '../context.js';
import { isJsonObject } from '../signing-payload.js';
import { readInteger, requireStrings } from '../params.js';
import { instanceNotFound, invalidParam, success } from '../result-codes.js';

/**
 * changeInstanceCheck (续费变更校验, produce-api.md §3.7): asked 30 days before expiry whether a
 * renewal with a different SKU or quantity can be honoured. This seller refuses a quantity above
 * its configured maximum. Which code means "refused" is not documented; any non-000000 answer
 * blocks the change, and 000002 with a clear message tells the buyer why.
 */
export const changeInstanceCheck: Handler = async (body, ctx) => {
  const p = requireStrings(body, { instanceId: 64 });
  if (!p.ok) return invalidParam(p.detail);
  const productInfo = body['productInfo'];
  if (!isJsonObject(productInfo)) return invalidParam('productInfo: expected an object with productId, skuCode and productName');
  const product = requireStrings(productInfo, { productId: 64, skuCode: 64, productName: 64 });
  if (!product.ok) return invalidParam(`productInfo.${product.detail}`);
  const hasLinear = productInfo['linearValue'] !== undefined && productInfo['linearValue'] !== null;
  const linear = hasLinear ? readInteger(productInfo, 'linearValue') : undefined;
  if (linear !== undefined && !linear.ok) return invalidParam(`productInfo.${linear.detail}`);

  const { instanceId } = p.value;
  const record = ctx.instances.get(instanceId);
  if (record === undefined || record.released) return instanceNotFound(instanceId);
  if (linear !== undefined && linear.value > ctx.options.maxLinearValue) {
    ctx.log(`changeInstanceCheck ${instanceId}: refused quantity ${linear.value}`);
    return invalidParam(`productInfo.linearValue: this service supports at most ${ctx.options.maxLinearValue}, requested ${linear.value}`);
  }
  ctx.log(`changeInstanceCheck ${instanceId}: accepted ${product.value.skuCode}`);
  return success();
};
