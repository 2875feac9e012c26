// Called after every change to products' stock that does not come from an admin's write:
// checkout taking stock, a failed payment giving it back. The cached catalogue shows stock, so
// the entries of these products, and every cached list, are deleted here (see product.cache.ts
// for how stale a shown stock can be).
import { invalidate } from '../cache/index.js';
import { CATALOGUE_TAG, productTag } from './product.cache.js';

// TODO(mistake:overengineering): the tempting version is the "scalable platform" diagram: a stock
// service that publishes `stock.changed` to Kafka, a catalogue service that consumes it and
// refreshes its own cache, an event schema registry. For one codebase and one database that is
// three systems to run, events that arrive late or twice, and a catalogue that is stale for as
// long as the consumer lags, to replace one function call in the same request. Keep the call;
// docs/adr/0002-scalable-ecommerce-platform.md says which signals would justify each split. The
// guards: `npm test -- architecture` (modules stay separable) and `npm test -- product-cache`
// (the stock shown follows every checkout).
export function stockChanged(productIds: string[]): Promise<void> {
  return invalidate(CATALOGUE_TAG, ...productIds.map(productTag));
}
