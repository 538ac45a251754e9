import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DIMENSIONS, Dimension } from '../scoring/engine';
import { CheckQuestionType } from './course-definition';

// The schema of course.md and NN-<lesson>.md front matter. Paths of failures become
// `file:line: field.path: reason` through the YAML line locator.
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = (what: string) => ({ message: `${what} must be kebab-case (a-z, 0-9, dashes)` });

export class CourseFrontMatter {
  @IsString()
  @Matches(KEBAB_CASE, kebab('id'))
  id!: string;

  @IsString()
  @Length(1, 160)
  title!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsInt()
  order!: number;

  @IsString()
  @Length(1, 600)
  summary!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  objectives!: string[];

  @IsArray()
  @IsString({ each: true })
  @Matches(KEBAB_CASE, { each: true, ...kebab('each prerequisite') })
  prerequisites!: string[];

  @IsArray()
  @IsString({ each: true })
  @Matches(KEBAB_CASE, { each: true, ...kebab('each position id') })
  requiredFor!: string[];

  @IsArray()
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  tags!: string[];

  // The scoring dimensions the course strengthens: what a retraining suggestion matches.
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DIMENSIONS, {
    each: true,
    message: `each dimension must be one of ${DIMENSIONS.join(', ')}`,
  })
  trains?: Dimension[];
}

export class CheckChoiceFrontMatter {
  @IsString()
  @Length(1, 500)
  text!: string;

  @IsBoolean()
  correct!: boolean;

  @IsString()
  @Length(1, 1000)
  feedback!: string;
}

export class CheckQuestionFrontMatter {
  @IsString()
  @Matches(KEBAB_CASE, kebab('id'))
  id!: string;

  @IsString()
  @Length(1, 1000)
  prompt!: string;

  @IsIn(['single', 'multiple', 'truefalse'])
  type!: CheckQuestionType;

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => CheckChoiceFrontMatter)
  choices!: CheckChoiceFrontMatter[];
}

export class LessonFrontMatter {
  @IsString()
  @Matches(KEBAB_CASE, kebab('id'))
  id!: string;

  @IsString()
  @Length(1, 160)
  title!: string;

  @IsInt()
  @Min(3)
  @Max(60)
  minutes!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @Length(1, 300, { each: true })
  objectives!: string[];

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => CheckQuestionFrontMatter)
  check!: CheckQuestionFrontMatter[];
}
