/**
 * Mail (eml) with postal-mime: the headers are metadata and are not inspected; the text body
 * ("body", decoded from quoted-printable or base64; the HTML body, tags stripped, only when
 * there is no text one, since both carry the same words) and each attachment, read by its
 * name's type as an archive entry is ("attachment NAME › page 1"). A mail is one archive level.
 * Runs in the extractor process.
 */
import PostalMime from 'postal-mime';
import { asFailure, InspectionFailure } from '../failure';
import { innerContext, segment, type ReadContext } from '../read-context';
import { stripHtml } from './plain-text';

export async function readEml(bytes: Uint8Array, ctx: ReadContext, readable: (name: string) => boolean): Promise<void> {
  if (ctx.depth >= ctx.limits.maxArchiveDepth) throw new InspectionFailure('archive-limit', 'mail nested too deep');
  const mail = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 20 }).catch(
    (error: unknown) => {
      throw asFailure(error, 'corrupted');
    },
  );
  const body = mail.text ?? (mail.html ? stripHtml(mail.html) : '');
  segment(ctx, 'body', body);
  for (const attachment of mail.attachments) {
    const name = attachment.filename ?? '';
    if (!name || !readable(name) || typeof attachment.content === 'string') continue;
    if (++ctx.budget.entries > ctx.limits.maxArchiveEntries)
      throw new InspectionFailure('archive-limit', 'too many attachments');
    const content = new Uint8Array(attachment.content);
    await ctx.readInner(name, content, innerContext(ctx, `attachment ${name}`));
  }
}
