package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of one example the model reads: {@code features} for a vector, or {@code channels},
 * {@code height} and {@code width} for feature maps, NCHW as in PyTorch. A batch is still a
 * {@code float[]} of rows, each row one example: for maps, one C-H-W image, exactly
 * {@code batch.reshape(rows, -1)} of a PyTorch NCHW batch. {@code tokens} and {@code vocabulary}
 * declare a token model: each example is {@code tokens} ids in [0, vocabulary), and batches are
 * {@code int[]} [rows x tokens]. {@code length} and {@code features} declare float sequences, [rows x
 * length x features] row-major. Without it, the first {@code @Linear}'s {@code in} gives the input size.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Input {
  /** Marks a size as not given. */
  int NOT_GIVEN = 0;
  /** Features of a vector example. */
  int features() default NOT_GIVEN;
  /** Channels of a feature-map example. */
  int channels() default NOT_GIVEN;
  /** Height of a feature-map example. */
  int height() default NOT_GIVEN;
  /** Width of a feature-map example. */
  int width() default NOT_GIVEN;
  /** Token ids per example of a token model. */
  int tokens() default NOT_GIVEN;
  /** The number of distinct token ids of a token model: ids are in [0, vocabulary). */
  int vocabulary() default NOT_GIVEN;
  /** Positions per example of a float sequence, each of {@code features} values. */
  int length() default NOT_GIVEN;
}
