import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface CertificatePdfData {
  holderName: string;
  programmeTitle: string;
  cycle: number;
  issuedAt: Date;
  expiresAt: Date;
  verificationUrl: string;
}

/** Size of one QR module in the PDF, in points. */
export const QR_MODULE_POINTS = 4;

/**
 * The printable certificate: A4 landscape, the holder, the programme, the dates, and a QR code of
 * the verification URL drawn as vector squares (sharp at any zoom). Streams are left
 * uncompressed: the file stays small (standard fonts, no images) and its content can be checked.
 */
export function renderCertificatePdf(data: CertificatePdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    compress: false,
    info: {
      Title: `${data.programmeTitle} — ${data.holderName}`,
      Author: 'Agent Academy',
      Subject: 'Certificate',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width;
  const height = doc.page.height;
  doc
    .lineWidth(3)
    .strokeColor('#1f4e79')
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc.fillColor('#1f4e79').font('Helvetica-Bold').fontSize(30);
  doc.text('Certificate', 56, 90, { align: 'center', width: width - 112 });
  doc.fillColor('#333333').font('Helvetica').fontSize(14);
  doc.text('Agent Academy certifies that', { align: 'center', width: width - 112 });
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(26).fillColor('#000000');
  doc.text(data.holderName, { align: 'center', width: width - 112 });
  doc.moveDown(0.6).font('Helvetica').fontSize(14).fillColor('#333333');
  doc.text('has earned the certification', { align: 'center', width: width - 112 });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(22).fillColor('#1f4e79');
  doc.text(data.programmeTitle, { align: 'center', width: width - 112 });
  doc.moveDown(1).font('Helvetica').fontSize(12).fillColor('#333333');
  doc.text(
    `Issued ${day(data.issuedAt)} · valid until ${day(data.expiresAt)}${data.cycle > 1 ? ` · cycle ${data.cycle}` : ''}`,
    { align: 'center', width: width - 112 },
  );

  const qr = QRCode.create(data.verificationUrl, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size * QR_MODULE_POINTS;
  const left = width - 80 - size;
  const top = height - 80 - size;
  doc.fillColor('#000000');
  for (let row = 0; row < qr.modules.size; row++)
    for (let col = 0; col < qr.modules.size; col++)
      if (qr.modules.get(row, col))
        doc
          .rect(
            left + col * QR_MODULE_POINTS,
            top + row * QR_MODULE_POINTS,
            QR_MODULE_POINTS,
            QR_MODULE_POINTS,
          )
          .fill();
  doc.link(left, top, size, size, data.verificationUrl);
  doc.font('Helvetica').fontSize(9).fillColor('#333333');
  doc.text('Check this certificate at', 80, height - 110, { width: left - 120 });
  doc
    .fillColor('#1f4e79')
    .text(data.verificationUrl, { width: left - 120, link: data.verificationUrl });
  doc.end();
  return done;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
