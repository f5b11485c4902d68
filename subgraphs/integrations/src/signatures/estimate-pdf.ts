import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { type Estimate } from './estimate.ts';

/** Where DocuSign places the customer's signature (an anchor tab finds this text on the page). */
export const SIGNATURE_ANCHOR = 'Customer signature:';

const KINDS = { LABOUR: 'Labour', PART: 'Part', FEE: 'Fee' } as const;

/** Minor units as `1,234.50 EUR`. */
export function money(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const units = Math.abs(minor);
  return `${sign}${Math.floor(units / 100).toLocaleString('en-US')}.${String(units % 100).padStart(2, '0')} ${currency}`;
}

/** The standard fonts speak WinAnsi only: anything else becomes '?' rather than failing the render. */
const printable = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

/**
 * The estimate as a one-column A4 PDF (more pages when the lines need them): shop, number, customer,
 * vehicle, lines, totals with tax, and the place to sign.
 */
export async function renderEstimatePdf(estimate: Estimate, shopName: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Estimate ${estimate.number}`);
  pdf.setProducer('Atelier');
  pdf.setCreationDate(new Date());
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 50;
  let page: PDFPage = pdf.addPage([595.28, 841.89]);
  let y = page.getHeight() - margin;

  const text = (value: string, x: number, options: { font?: PDFFont; size?: number; right?: boolean } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    const clean = printable(value);
    const at = options.right ? x - font.widthOfTextAtSize(clean, size) : x;
    page.drawText(clean, { x: at, y, size, font, color: rgb(0, 0, 0) });
  };
  const newLine = (height = 14) => {
    y -= height;
    if (y < margin + 40) {
      page = pdf.addPage([595.28, 841.89]);
      y = page.getHeight() - margin;
    }
  };
  const right = page.getWidth() - margin;
  const { currency } = estimate;

  text(shopName, margin, { font: bold, size: 16 });
  newLine(24);
  text(`Estimate ${estimate.number}`, margin, { font: bold, size: 13 });
  newLine(20);
  text(`Customer: ${estimate.customer.name}${estimate.customer.email ? ` <${estimate.customer.email}>` : ''}`, margin);
  newLine();
  const vehicle = estimate.vehicle;
  if (vehicle) {
    const described = [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ');
    const ids = [vehicle.plate && `plate ${vehicle.plate}`, vehicle.vin && `VIN ${vehicle.vin}`].filter(Boolean).join(', ');
    text(`Vehicle: ${described}${ids ? ` (${ids})` : ''}`, margin);
    newLine();
  }
  if (estimate.complaint) {
    text(`Complaint: ${estimate.complaint.slice(0, 110)}`, margin);
    newLine();
  }
  newLine(10);

  const columns = { kind: margin, description: margin + 50, quantity: right - 170, unitPrice: right - 90, total: right };
  text('Kind', columns.kind, { font: bold });
  text('Description', columns.description, { font: bold });
  text('Qty', columns.quantity, { font: bold, right: true });
  text('Unit price', columns.unitPrice, { font: bold, right: true });
  text('Total', columns.total, { font: bold, right: true });
  newLine(16);
  for (const line of estimate.lines) {
    text(KINDS[line.kind] ?? line.kind, columns.kind);
    const description = `${line.description}${line.partNumber ? ` (${line.partNumber})` : ''}${line.taxable ? '' : ' *'}`;
    text(description.slice(0, 60), columns.description);
    text(String(line.quantity), columns.quantity, { right: true });
    text(line.unitPrice == null ? 'to be priced' : money(line.unitPrice, currency), columns.unitPrice, { right: true });
    text(money(line.total, currency), columns.total, { right: true });
    newLine();
  }
  newLine(10);

  const totals: [string, number][] = [
    ['Labour', estimate.labourTotal],
    ['Parts', estimate.partsTotal],
    ['Fees', estimate.feesTotal],
    ['Subtotal', estimate.subtotal],
    [`Tax (${estimate.taxRatePercent}%)`, estimate.taxTotal],
  ];
  for (const [label, amount] of totals) {
    text(label, columns.unitPrice, { right: true });
    text(money(amount, currency), columns.total, { right: true });
    newLine();
  }
  text('Total', columns.unitPrice, { font: bold, right: true });
  text(money(estimate.total, currency), columns.total, { font: bold, right: true });
  newLine(20);
  if (estimate.lines.some((line) => !line.taxable)) {
    text('* not taxed', margin, { size: 8 });
    newLine();
  }
  newLine(30);
  text('By signing I approve this estimate and authorize the work described above.', margin);
  newLine(40);
  text(SIGNATURE_ANCHOR, margin);
  return Buffer.from(await pdf.save());
}
