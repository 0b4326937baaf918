package dev.kiln.processor.model;

import dev.kiln.processor.validation.Message;
import dev.kiln.processor.validation.Problem;
import dev.kiln.processor.validation.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a declared network from its input to its output once: each kind gives its output shape from
 * its input's, and its tensors are placed one after another. Reports, on the kind that causes it,
 * every size that is wrong or too large for a Java array, and walks on past it.
 */
public final class ShapeWalk {
  private ShapeWalk() {}

  public static Shapes of(DeclaredNetwork network, ValidationReport report) {
    List<MemberShapes> members = new ArrayList<>();
    Optional<Shape> current = network.input().flatMap(DeclaredInput::shape);
    boolean inputDeclared = network.input().isPresent();
    String from = null;
    long[] next = new long[ArraySlot.values().length];
    boolean tooManyParameters = false;
    // What flowed into each member so far, this one's last: a residual join reads its block's.
    List<Optional<Shape>> memberInputs = new ArrayList<>();
    for (int i = 0; i < network.members().size(); i++) {
      Member member = network.members().get(i);
      List<LayerKind> kinds = member.acting();
      // A transform first says itself what it lacks (an in, an @Input); an activation cannot.
      if (i == 0 && !inputDeclared && (kinds.isEmpty() || kinds.get(0).stage() != Stage.TRANSFORM)) {
        report.add(member.problem(null, null, Message.FIRST_LAYER_NOT_LINEAR, member.name()));
      }
      Optional<Shape> memberInput = current;
      memberInputs.add(current);
      List<Optional<Step>> steps = new ArrayList<>();
      boolean scoped = false;
      for (int k = 0; k < kinds.size(); k++) {
        LayerKind kind = kinds.get(k);
        Optional<Shape> input = current.or(kind::declaredInput);
        if (k == 0) memberInput = input;
        Optional<Shape> output;
        if (current.isPresent() && current.get() instanceof Shape.Tokens tokens && !kind.readsTokens()) {
          report.add(member.problem(kind.origin().mirror(), null, Message.TOKENS_WITHOUT_EMBEDDING,
              kind.annotationName(), member.name(), tokens.length(), tokens.vocabulary(), member.name()));
          output = Optional.empty();
        } else {
          output = kind.outputShape(new ShapeContext(current, i == 0 && !inputDeclared, member, from, report,
              List.copyOf(memberInputs)));
        }
        if (output.isPresent() && output.get().size() > Shape.MAX_ARRAY) {
          report.add(member.problem(kind.origin().mirror(), null, Message.OUTPUT_TOO_LARGE,
              kind.annotationName(), member.name(), size(output.get().size()), Shape.MAX_ARRAY));
        }
        if (input.isPresent() && output.isPresent()) {
          List<PlacedTensor> placed = new ArrayList<>();
          List<TensorDecl> tensors = kind.tensors(input.get(), output.get());
          String prefix = member.name() + (scoped ? "." + kind.tensorScope() : "") + ".";
          for (TensorDecl tensor : tensors) {
            String name = prefix + tensor.name();
            if (tensor.size() > Shape.MAX_ARRAY) {
              report.add(member.problem(kind.origin().mirror(), null, Message.TENSOR_TOO_LARGE,
                  kind.annotationName(), member.name(), name, tensor.shapeText(), size(tensor.size()), Shape.MAX_ARRAY));
              continue;
            }
            int slot = ArraySlot.of(tensor).ordinal();
            placed.add(new PlacedTensor(tensor, name, next[slot]));
            next[slot] += tensor.size();
            if (next[slot] > Shape.MAX_ARRAY && !tooManyParameters) {
              tooManyParameters = true;
              report.add(member.problem(kind.origin().mirror(), null, Message.PARAMETERS_TOO_LARGE,
                  kind.annotationName(), member.name(), next[slot], Shape.MAX_ARRAY));
            }
          }
          scoped |= !tensors.isEmpty();
          steps.add(Optional.of(new Step(kind, input.get(), output.get(), placed)));
        } else {
          steps.add(Optional.empty());
        }
        current = output;
        if (kind.stage() == Stage.TRANSFORM) from = member.name();
      }
      members.add(new MemberShapes(memberInput, current, steps));
    }
    return new Shapes(members);
  }

  private static String size(long size) {
    return size == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(size);
  }
}
