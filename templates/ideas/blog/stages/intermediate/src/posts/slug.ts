// An article's address is a slug made from its title: "How to train your dragon" →
// `how-to-train-your-dragon`, so URLs are readable (`/api/articles/how-to-train-your-dragon`).
// The slug is unique (an index in post.model.ts): a second article with the same title is a 409,
// as the Conduit contract says.
export const SLUG_MAX_LENGTH = 120;

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    // Accents go (é → e); letters and digits of every script stay.
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  // A title of punctuation only still needs an address.
  return slug === '' ? 'article' : slug;
}
