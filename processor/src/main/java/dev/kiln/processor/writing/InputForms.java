package dev.kiln.processor.writing;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.Network;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The one place a model's second input type shows: a token model reads {@code int[]} through the same
 * methods as a float model, and the float forms that {@code KilnModel} and the trainer interfaces declare
 * refuse with a message saying which form to call. Everything past the first member is floats either way.
 */
final class InputForms {
  private InputForms() {}

  /** A token model's refusals of {@code forward(float[])}, {@code forward(float[], float[])} and {@code predict(float[])}. */
  static List<MethodSpec> modelRefusals(Network network) {
    if (!network.readsTokens()) return List.of();
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder("readsTokens")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addStatement("return true")
        .build());
    methods.add(refusal(network, "forward", ModelWriter.FLOATS, List.of(ModelWriter.FLOATS)));
    methods.add(refusal(network, "forward", ModelWriter.FLOATS, List.of(ModelWriter.FLOATS, ModelWriter.FLOATS)));
    methods.add(refusal(network, "predict", ModelWriter.INTS, List.of(ModelWriter.FLOATS)));
    return methods;
  }

  /** A token trainer's refusals of {@code step(float[], targets)} and {@code sumGradients(float[], targets)}. */
  static List<MethodSpec> trainerRefusals(Network network, TypeName targets) {
    if (!network.readsTokens()) return List.of();
    return List.of(refusal(network, "step", TypeName.FLOAT, List.of(ModelWriter.FLOATS, targets)),
        refusal(network, "sumGradients", RuntimeTypes.GRADIENT_SUM, List.of(ModelWriter.FLOATS, targets)));
  }

  private static MethodSpec refusal(Network network, String name, TypeName returns, List<TypeName> parameters) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addJavadoc("Not for this model, which reads token ids: call {@code $L(int[] ...)}.\n", name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
    for (int i = 0; i < parameters.size(); i++) method.addParameter(parameters.get(i), "unused" + i);
    return method.addStatement("throw $T.readsTokens($S,$WIN)", RuntimeTypes.BATCHES, network.modelName()).build();
  }
}
