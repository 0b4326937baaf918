package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inverted dropout, as {@code nn.Dropout}: while training, each output is zeroed with probability
 * {@code p} and the rest scaled by {@code 1 / (1 - p)}; {@code forward} and {@code predict} leave
 * outputs alone. Applied after the member's layer and activation, or on its own on a member.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Dropout {
  /** The probability of zeroing an output, in [0, 1). */
  float p() default 0.5f;
}
