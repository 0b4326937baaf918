package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Parametric ReLU, as {@code nn.PReLU}: a learnable slope for negative inputs, one for the whole
 * layer or one per feature, saved in the state dict as {@code <member>.weight} when it stands alone and
 * {@code <member>.prelu.weight} after a {@code @Linear}.
 * Applied after the member's {@code @Linear}, or on its own on a member without one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PReLU {
  /** One slope per feature ({@code num_parameters = out}) instead of one for all. */
  boolean perFeature() default false;

  /** The slopes' initial value. */
  float init() default 0.25f;
}
