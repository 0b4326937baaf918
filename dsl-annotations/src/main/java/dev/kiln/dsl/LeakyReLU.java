package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaky rectified linear unit, {@code x} for positive x and {@code negativeSlope · x} otherwise, as
 * {@code nn.LeakyReLU}.
 * Applied after the member's {@code @Linear}, or on its own on a member without one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LeakyReLU {
  float negativeSlope() default 0.01f;
}
