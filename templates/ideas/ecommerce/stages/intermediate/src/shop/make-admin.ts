// Who manages the catalogue? Nobody can make themselves an admin through the API (register
// refuses a `role` field), so the first admin is made by someone with access to the database:
//
//   npm run make-admin -- ann@example.com
//
// Then log in again: the role travels in the token, and the old token still says "user". It
// needs the shop's database in MONGODB_URI (the in-memory one of `npm run dev` lives inside
// that process and cannot be reached from here).
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { UserModel } from '../auth/user.model.js';
import { config } from '../config.js';

/** Gives the user with this email the admin role; false when there is no such user. */
export async function makeAdmin(email: string): Promise<boolean> {
  const result = await UserModel.updateOne(
    { email: email.trim().toLowerCase() },
    { $set: { role: 'admin' } },
  );
  return result.matchedCount === 1;
}

async function main(email: string | undefined): Promise<void> {
  if (!email || !config.mongodbUri) {
    console.error('Usage: MONGODB_URI=… npm run make-admin -- <email of a registered user>');
    process.exitCode = 2;
    return;
  }
  await mongoose.connect(config.mongodbUri, { serverSelectionTimeoutMS: 10_000 });
  try {
    const found = await makeAdmin(email);
    console.log(found ? `${email} is now an admin: log in again.` : `No user with email ${email}.`);
    if (!found) process.exitCode = 1;
  } finally {
    await mongoose.disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv[2]);
}
