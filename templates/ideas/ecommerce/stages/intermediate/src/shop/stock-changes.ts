// Called after every change to products' stock that does not come from an admin's write:
// checkout taking stock, a failed payment giving it back. Nothing else needs to know at this
// stage; a copy of the stock kept elsewhere (a cache, a search index) would be refreshed here.
export function stockChanged(_productIds: string[]): Promise<void> {
  return Promise.resolve();
}
