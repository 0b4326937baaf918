package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Member;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.ResidualLayer;
import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * {@code @Residual}: not a layer of its own but a way of using a block, so {@link DeclarationReader}
 * asks here, where a member returns a block, for the join that follows the block's members.
 */
final class ResidualReader {
  static final String RESIDUAL = "dev.kiln.dsl.Residual";

  private ResidualReader() {}

  /** The method's {@code @Residual}, if it has one. */
  static Optional<AnnotationMirror> find(ExecutableElement method) {
    return Annotations.find(method, RESIDUAL);
  }

  /**
   * The member that closes a residual block of {@code members} members: the join, then the using
   * member's activation and dropout, {@code kinds}.
   */
  static Member join(Elements elements, AnnotationMirror mirror, ExecutableElement method, List<LayerKind> kinds,
      int members, String path, ExecutableElement anchor) {
    List<LayerKind> all = new ArrayList<>();
    all.add(new ResidualLayer(new Origin(mirror, Annotations.explicitByName(mirror),
        Annotations.valuesByName(elements, mirror)), members));
    all.addAll(kinds);
    return new Member(method, all, path, anchor);
  }

  /** {@code @Residual} on a member that returns no block. */
  static void reportNotOnBlock(AnnotationMirror mirror, ExecutableElement method, ValidationReport report) {
    report.add(Problem.on(method, mirror, Message.RESIDUAL_NOT_ON_BLOCK, method.getSimpleName(),
        method.getSimpleName(), method.getReturnType()));
  }
}
