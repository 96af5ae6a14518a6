/** Checks shared by the construct's parts: settings in range, and cdk-nag's names for resources. */
import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Checks an integer setting; throws with the setting's name when it is out of range. */
export function checkInt(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`WinnowPipeline: ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/**
 * Mirrors how cdk-nag 3 names a resource in a finding (`<Logical.Arn>/*`,
 * `arn:<AWS::Partition>:s3:::name/*`), so the construct can acknowledge exactly the findings it
 * causes and no others (cdk-nag 3 has no prefix matching).
 */
export function nagResourceName(scope: IConstruct, value: string): string {
  const visit = (node: unknown): string => {
    if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o['Fn::Join']) {
        const [sep, items] = o['Fn::Join'] as [string, unknown[]];
        return items.map(visit).join(sep);
      }
      if (o['Fn::Sub']) return visit(o['Fn::Sub']);
      if (o['Fn::GetAtt']) {
        const [res, attr] = o['Fn::GetAtt'] as [unknown, unknown];
        return `<${visit(res)}.${visit(attr)}>`;
      }
      if (o['Fn::ImportValue']) return visit(o['Fn::ImportValue']);
      if (o['Ref']) return `<${visit(o['Ref'])}>`;
    }
    return JSON.stringify(node);
  };
  return visit(Stack.of(scope).resolve(value));
}
