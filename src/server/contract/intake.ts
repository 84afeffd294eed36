/** Booking submission: JSON for machine clients; ANSI/NIST-ITL files go to /api/bookings/file. */
import { z } from 'zod';

const template = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  ppi: z.number().positive(),
  position: z.number().int().min(1).max(10),
  quality: z.number().int().min(0).max(100),
  minutiae: z.array(z.object({ x: z.number(), y: z.number(), angle: z.number(), type: z.enum(['ending', 'bifurcation', 'other']), quality: z.number() })),
});

export const bookingBody = z.object({
  tcn: z.string().min(1).max(40),
  ori: z.string().length(9),
  bookingNumber: z.string().min(1).max(40),
  tot: z.enum(['CAR', 'CNA']),
  familyName: z.string().min(1).max(60),
  givenName: z.string().min(1).max(60),
  dob: z.iso.date(),
  sex: z.enum(['M', 'F', 'X']),
  pob: z.string().min(2).max(3),
  arrestedAt: z.iso.datetime({ offset: true }),
  releaseDueAt: z.iso.datetime({ offset: true }).describe('When the jail would otherwise release the person: the detainer clock starts here'),
  charges: z.array(z.object({ offense: z.string().min(1), ncic: z.string().regex(/^\d{4}$/), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), felony: z.boolean() })).min(1),
  prints: z.array(template).min(1).max(10).describe('Minutiae templates of the captured fingers'),
});

export const fileQuery = z.object({
  releaseDueAt: z.iso.datetime({ offset: true }).optional().describe('Otherwise-release time (default: 48 hours after the arrest date)'),
});

export const submittedView = z.object({ bookingId: z.string(), tcn: z.string() }).meta({ id: 'Submitted' });
