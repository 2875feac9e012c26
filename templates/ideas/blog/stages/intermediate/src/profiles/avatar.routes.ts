// The uploaded avatars, served as images. Mounted at /api/avatars; the URL is what
// PUT /api/user/image writes into the user's `image`.
//
//   GET /api/avatars/:id   200 the image   404 no such avatar
import { Router } from 'express';
import { missing } from '../http/conduit-errors.js';
import { describeRoutes } from '../http/openapi-registry.js';
import { idParams, validate } from '../http/validate.js';
import { AvatarModel } from './avatar.model.js';

export const avatarRouter = Router();

const byId = validate({ params: idParams });

avatarRouter.get('/:id', byId, async (req, res) => {
  const avatar = await AvatarModel.findById(byId.input(req).params.id);
  if (!avatar) throw missing('avatar');
  // Each upload gets a new id, so an avatar's bytes never change: browsers may keep it forever.
  res
    .status(200)
    .set('Content-Type', avatar.contentType)
    .set('Cache-Control', 'public, max-age=31536000, immutable')
    .set('X-Content-Type-Options', 'nosniff')
    .send(avatar.data);
});

describeRoutes(avatarRouter, {
  '/:id': {
    get: {
      summary: 'An uploaded avatar image',
      responses: { 200: 'The image (PNG, JPEG or WebP)', 404: 'No avatar with this id' },
    },
  },
});
