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
 * {@code batch.reshape(rows, -1)} of a PyTorch NCHW batch. Without it, the first {@code @Linear}'s
 * {@code in} gives the input size.
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
}
