package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * What a kind sees when the shape walk reaches it: the shape coming in (empty when unknown), whether
 * its member must state the network's input (the first, with no {@code @Input}), and where to report.
 *
 * @param inputFrom the member the input shape was last set by, for messages; null for {@code @Input}
 */
public record ShapeContext(Optional<Shape> input, boolean first, Member member, String inputFrom,
    ValidationReport report, List<Optional<Shape>> memberInputs) {

  public ShapeContext(Optional<Shape> input, boolean first, Member member, String inputFrom, ValidationReport report) {
    this(input, first, member, inputFrom, report, List.of());
  }

  /** The shape that flowed into the member {@code back} members before this one; empty when unknown. */
  public Optional<Shape> inputOf(int back) {
    int at = memberInputs.size() - back;
    return at >= 0 && at < memberInputs.size() ? memberInputs.get(at) : Optional.empty();
  }

  /** Reports {@code message} on {@code kind}'s annotation and, when not null, its {@code value}. */
  public void report(LayerKind kind, AnnotationValue value, Message message, Object... args) {
    report.add(member.problem(kind.origin().mirror(), value, message, args));
  }
}
