// Connecting to MongoDB. server.ts awaits `connectDatabase()` before it accepts requests, and
// calls the function it returns when shutting down.
import mongoose from 'mongoose';
import { config } from './config.js';
import { logger } from './logger.js';

export type CloseDatabase = () => Promise<void>;

let closing = false;

export async function connectDatabase(): Promise<CloseDatabase> {
  // After the first connection, the driver reconnects by itself; these say when it has to.
  mongoose.connection.on('disconnected', () => {
    if (closing) logger.info('MongoDB connection closed');
    else logger.warn('MongoDB disconnected; retrying');
  });
  mongoose.connection.on('error', (error) => logger.error({ err: error }, 'MongoDB error'));

  if (config.mongodbUri) {
    // Fail within 10 s when the server is unreachable, instead of the driver's default 30 s.
    await mongoose.connect(config.mongodbUri, { serverSelectionTimeoutMS: 10_000 });
    // Never log the URI itself: it can hold a password.
    const { host, port, name } = mongoose.connection;
    logger.info({ host, port, db: name }, 'Connected to MongoDB');
    return async () => {
      closing = true;
      await mongoose.disconnect();
    };
  }

  // config.ts already refuses production without MONGODB_URI; this guards against that rule
  // being removed, because data written here is gone when the process stops.
  if (config.isProduction) throw new Error('MONGODB_URI is required in production');

  // Imported only here: the package is a devDependency, absent from a production install.
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  logger.warn(
    'MONGODB_URI is not set: starting an in-memory MongoDB for development. Its data is lost ' +
      'when the server stops. The first start downloads a MongoDB binary (about 100 MB). Set ' +
      'MONGODB_URI in .env to use your own database.',
  );
  const mongod = await MongoMemoryServer.create().catch((error: unknown) => {
    throw new Error(
      'Could not start the in-memory MongoDB (it downloads MongoDB on first use, which needs ' +
        'internet access and a supported system). Set MONGODB_URI in .env to a MongoDB server.',
      { cause: error },
    );
  });
  await mongoose.connect(mongod.getUri(), { dbName: 'development' });
  logger.info({ uri: mongod.getUri() }, 'Connected to the in-memory MongoDB');
  return async () => {
    closing = true;
    await mongoose.disconnect();
    await mongod.stop();
  };
}

/**
 * True for a string that can be a MongoDB ObjectId (24 hex digits). Check ids from URLs with it
 * before querying: `findById('abc')` throws a CastError, which is the client's mistake (a 404),
 * not a server failure (a 500).
 */
export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/i.test(value);
}
