import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Erases what one feature holds of a person's own words and details, inside the erasure's
 * transaction; resolves to how many records it changed.
 */
export type PersonalDataEraser = (manager: EntityManager, userId: string) => Promise<number>;

/** Text put where a person's own words were. */
export const ERASED_TEXT = '[erased]';

/**
 * The features that keep personal data register an eraser here (courses: feedback comments;
 * exams: written answers; simulations: role-play replies and review notes), so erasing a person
 * reaches every feature without identity knowing their tables.
 */
@Injectable()
export class PersonalDataErasers {
  private readonly erasers: { feature: string; erase: PersonalDataEraser }[] = [];

  register(feature: string, erase: PersonalDataEraser): void {
    this.erasers.push({ feature, erase });
  }

  /** Runs every eraser; the count of changed records per feature. */
  async eraseAll(manager: EntityManager, userId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const { feature, erase } of this.erasers)
      counts[feature] = (counts[feature] ?? 0) + (await erase(manager, userId));
    return counts;
  }
}
