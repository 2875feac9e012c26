// Guard for mistake:poor-schema-design: every index a schema declares (`unique: true`,
// `index: true`, `schema.index(…)`) must exist in MongoDB. An index that silently is not there
// works in development and turns every query into a full collection scan (and a unique rule
// into nothing) in production.
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { syncIndexes } from '../src/db.js';
import { UserModel } from '../src/auth/user.model.js';

// Importing the app loads every model of this project.
createApp();

describe('indexes', () => {
  it('declares a unique index on the user email', () => {
    expect(UserModel.schema.indexes()).toContainEqual([
      { email: 1 },
      expect.objectContaining({ unique: true }),
    ]);
  });

  it('creates every declared index of every model at startup (syncIndexes)', async () => {
    await syncIndexes();
    const models = Object.values(mongoose.models);
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      const existing = await model.collection.indexes();
      for (const [fields, options] of model.schema.indexes()) {
        const found = existing.find(
          (index) => JSON.stringify(index.key) === JSON.stringify(fields),
        );
        expect(found, `${model.modelName} ${JSON.stringify(fields)}`).toBeDefined();
        expect(Boolean(found?.unique), `${model.modelName} unique`).toBe(Boolean(options.unique));
      }
    }
  });
});
