package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.NetworkLayer;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Trainer}: one fused training step (forward, loss, backward, optimizer update)
 * over workspaces that are reused until the batch size changes.
 */
public final class TrainerWriter {

  public TypeSpec write(Network network) {
    ClassName model = ClassName.get(network.packageName(), network.modelName());
    ClassName trainer = ClassName.get(network.packageName(), network.trainerName());
    TypeSpec.Builder type = TypeSpec.classBuilder(trainer)
        .addAnnotation(Generated.annotation(network))
        .addJavadoc("Trains a {@link $T} with $L loss. Made by {@link $T#trainer}; not thread-safe.\n", model,
            network.loss(), model)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(network.classIndexTargets() ? RuntimeTypes.CLASS_INDEX_TRAINER
            : RuntimeTypes.FLOAT_TARGET_TRAINER)
        .addOriginatingElement(network.type());

    type.addField(model, "model", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(ModelWriter.FLOATS, "parameters", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(FieldSpec.builder(ModelWriter.FLOATS, "gradients", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new float[PARAMETER_COUNT]").build());
    type.addField(RuntimeTypes.OPTIMIZER_STATE, "optimizer", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(FieldSpec.builder(RuntimeTypes.KERNELS, "kernels", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("$T.kernels()", RuntimeTypes.KERNEL_PROVIDER).build());
    type.addField(FieldSpec.builder(TypeName.INT, "rows", Modifier.PRIVATE)
        .addJavadoc("The batch size the workspaces are sized for.\n").build());
    for (NetworkLayer layer : network.layers()) {
      type.addField(ModelWriter.FLOATS, LayerNames.output(layer), Modifier.PRIVATE);
      type.addField(ModelWriter.FLOATS, LayerNames.gradient(layer), Modifier.PRIVATE);
    }

    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(model, "model")
        .addParameter(ModelWriter.FLOATS, "parameters")
        .addParameter(RuntimeTypes.OPTIMIZER, "optimizer")
        .addStatement("this.model = model")
        .addStatement("this.parameters = parameters")
        .addStatement("this.optimizer = optimizer.newState(PARAMETER_COUNT)")
        .build());
    type.addMethod(step(network));
    type.addMethod(workspaces(network));
    type.addMethod(MethodSpec.methodBuilder("gradients")
        .addAnnotation(Override.class)
        .addJavadoc("The gradients of the last step's loss, live, laid out as {@link $T#parameters()}.\n", model)
        .addModifiers(Modifier.PUBLIC)
        .returns(ModelWriter.FLOATS)
        .addStatement("return gradients")
        .build());
    type.addMethod(MethodSpec.methodBuilder("model")
        .addAnnotation(Override.class)
        .addJavadoc("The model this trainer updates.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(model)
        .addStatement("return model")
        .build());
    return type.build();
  }

  private static MethodSpec step(Network network) {
    TypeName targets = network.classIndexTargets() ? ModelWriter.INTS : ModelWriter.FLOATS;
    String targetDoc = network.classIndexTargets() ? "one class index in [0, OUT) per row"
        : "[rows x OUT] row-major, one target per output";
    return MethodSpec.methodBuilder("step")
        .addJavadoc("One training step on a batch: forward, $L loss, backward, and the optimizer's update.\n\n"
            + "@param x the inputs, [rows x IN] row-major; any number of rows\n"
            + "@param targets $L\n"
            + "@return the batch's loss ($L reduction), computed before the update\n",
            network.loss(), targetDoc, network.reduction().name().toLowerCase(java.util.Locale.ROOT))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.FLOAT)
        .addParameter(ModelWriter.FLOATS, "x")
        .addParameter(targets, "targets")
        .addStatement("int rows = $T.rows(x, IN)", RuntimeTypes.BATCHES)
        .addStatement("$T.targets(targets)", RuntimeTypes.BATCHES)
        .addStatement("ensureWorkspaces(rows)")
        .addCode("\n")
        .addCode(ForwardPass.of(network, false))
        .addCode("\n")
        .addCode(LossCall.of(network))
        .addCode("\n")
        .addCode(backward(network))
        .addCode("\n")
        .addStatement("optimizer.step(parameters, gradients)")
        .addStatement("return loss")
        .build();
  }

  /**
   * Back-propagation from the output layer's gradient to the first layer's parameters. Each layer
   * turns the gradient of its output into that of its pre-activation in place, then writes its
   * parameter gradients and, but for the first layer, the gradient of its input.
   */
  private static CodeBlock backward(Network network) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<NetworkLayer> layers = network.layers();
    for (int i = layers.size() - 1; i >= 0; i--) {
      NetworkLayer layer = layers.get(i);
      String gradient = LayerNames.gradient(layer);
      String input = i == 0 ? "x" : LayerNames.output(layers.get(i - 1));
      code.add("// Backward through $L: $L\n", layer.name(), LayerNames.describe(layer));
      if (layer.activation().isPresent()) {
        code.addStatement("$T.$L.backward($L, $L, rows, $L)", RuntimeTypes.ACTIVATION,
            LayerNames.activation(layer), LayerNames.output(layer), gradient, LayerNames.out(layer));
      }
      if (layer.linear()) {
        code.addStatement("kernels.linearParameterGradient($L, $L, gradients, $L, $L, rows, $L, $L)", gradient,
            input, LayerNames.weight(layer), LayerNames.bias(layer), LayerNames.in(layer), LayerNames.out(layer));
        if (i > 0) {
          code.addStatement("kernels.linearInputGradient($L, parameters, $L, $L, rows, $L, $L)", gradient,
              LayerNames.weight(layer), LayerNames.gradient(layers.get(i - 1)), LayerNames.in(layer),
              LayerNames.out(layer));
        }
      } else if (i > 0) {
        code.addStatement("$T.arraycopy($L, 0, $L, 0, rows * $L)", System.class, gradient,
            LayerNames.gradient(layers.get(i - 1)), LayerNames.out(layer));
      }
    }
    return code.build();
  }

  private static MethodSpec workspaces(Network network) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("ensureWorkspaces")
        .addJavadoc("Sizes the workspaces for {@code rows} rows; allocates only when the batch size changes.\n")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "rows")
        .beginControlFlow("if (rows == this.rows)")
        .addStatement("return")
        .endControlFlow();
    for (NetworkLayer layer : network.layers()) {
      method.addStatement("$L = new float[rows * $L]", LayerNames.output(layer), LayerNames.out(layer));
      method.addStatement("$L = new float[rows * $L]", LayerNames.gradient(layer), LayerNames.out(layer));
    }
    return method.addStatement("this.rows = rows").build();
  }
}
