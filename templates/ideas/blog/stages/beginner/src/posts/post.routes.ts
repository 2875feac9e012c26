// The blog API (roadmap.sh "Blogging Platform API"): a collection at the router's root, one URL
// per post. Each handler reads the request, does one thing with the database and answers with
// the status code that says what happened. Errors are thrown, never answered here: Express 5
// sends whatever a handler throws (or rejects with) to the error handler in src/http/errors.ts.
//
//   GET    /posts?term=   200  list, newest first; `term` searches title, content, category
//   POST   /posts         201  create; Location: the new post's URL
//   GET    /posts/:id     200  one post, or 404
//   PUT    /posts/:id     200  replace title, content, category and tags, or 404
//   DELETE /posts/:id     204  delete one, or 404
import { Router, type Request } from 'express';
import { isObjectId } from '../db.js';
import { notFound } from '../http/errors.js';
import { resourceUrl } from '../http/resource-url.js';
import { PostModel, type PostDocument } from './post.model.js';
import { parseListQuery, postBodySchema } from './post.schemas.js';
import { postFilter } from './post.search.js';

export const postRouter = Router();

/** What clients see of a post: its fields and its own absolute URL. */
function toJson(req: Request, post: PostDocument) {
  return {
    id: post.id,
    title: post.title,
    content: post.content,
    category: post.category,
    tags: post.tags,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
    url: resourceUrl(req, post.id),
  };
}

/**
 * The id in the URL is client input like any other. One that cannot be an ObjectId names no
 * post, so it is a 404, exactly like a well-formed id that does not exist; never a 500.
 */
async function findPost(id: string): Promise<PostDocument> {
  const post = isObjectId(id) ? await PostModel.findById(id) : null;
  if (!post) throw notFound(`No post with id ${id}`);
  return post;
}

postRouter.get('/', async (req, res) => {
  const { term } = parseListQuery(req.query);
  const posts = await PostModel.find(postFilter(term)).sort({ createdAt: -1, _id: -1 });
  res.status(200).json(posts.map((post) => toJson(req, post)));
});

postRouter.post('/', async (req, res) => {
  const input = postBodySchema.parse(req.body);
  const post = await PostModel.create(input);
  const body = toJson(req, post);
  // TODO(mistake:skipping-http-basics): the tempting version is `res.json(post)` here and in
  // every handler: 200 for everything, an unknown post as `{ message: 'not found' }` with 200
  // too. A client publishing a post then cannot tell "published" from "refused" without parsing
  // each body, and a retry after a timeout cannot know whether the first POST created the post
  // (two copies of the article). Say what happened with the status: 201 + Location (the new
  // post's URL) for a creation, 204 (no body) for a deletion, 404 / 400 / 422 for the client's
  // mistakes (thrown, see src/http/errors.ts). `npm test -- posts` asserts every status and
  // header exactly; try them by hand in requests.http.
  res.status(201).location(body.url).json(body);
});

postRouter.get('/:id', async (req, res) => {
  const post = await findPost(req.params.id);
  res.status(200).json(toJson(req, post));
});

postRouter.put('/:id', async (req, res) => {
  const post = await findPost(req.params.id);
  const replacement = postBodySchema.parse(req.body);
  post.set(replacement);
  await post.save();
  res.status(200).json(toJson(req, post));
});

postRouter.delete('/:id', async (req, res) => {
  const post = await findPost(req.params.id);
  await post.deleteOne();
  res.status(204).end();
});
