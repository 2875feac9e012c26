// One-time tokens sent by email: "verify your address" and "reset your password". Like every
// token of this API, only the SHA-256 hash is stored (src/auth/secret-token.ts).
import { model, Schema, type HydratedDocument, type InferSchemaType } from 'mongoose';

export const EMAIL_TOKEN_PURPOSES = ['verify-email', 'reset-password'] as const;
export type EmailTokenPurpose = (typeof EMAIL_TOKEN_PURPOSES)[number];

const emailTokenSchema = new Schema(
  {
    user: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    purpose: { type: String, enum: EMAIL_TOKEN_PURPOSES, required: true },
    tokenHash: { type: String, required: true, unique: true },
    expiresAt: { type: Date, required: true },
    // Set when the token is used: a link works once, even if the email is read twice.
    usedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

// "The open tokens of this user for this purpose", read when a new one replaces them.
emailTokenSchema.index({ user: 1, purpose: 1 });

export type EmailToken = InferSchemaType<typeof emailTokenSchema>;
export type EmailTokenDocument = HydratedDocument<EmailToken>;

export const EmailTokenModel = model('EmailToken', emailTokenSchema);
