# The production stage of ${{ values.name }}: the pod role (IRSA), the deploy role
# and the host's record, as the Backstage action
# aws-platform:flightdeck:workload:create makes them.{% if values.importExisting %} It made them already:
# the import blocks adopt them, so the first apply changes nothing.{% endif %}
#
# Kubernetes is not covered here. For the namespace ${{ values.production.namespace }},
# Flightdeck's application-config module (or a kubernetes_namespace_v1 with
# istio-injection=enabled); and in the platform module of each cluster, map
# the deploy role to the namespace's deploy group:
#   custom_roles = { "${{ values.production.namespace }}-deploy" = "${{ values.production.deployRoleArn }}" }

locals {
  production_clusters = ${{ values.production.clusters | dump }}
}

data "aws_eks_cluster" "production" {
  for_each = toset(local.production_clusters)
  name     = each.value
}

resource "aws_iam_role" "production_pods" {
  name        = "${{ values.production.namespace }}-pods"
  description = "Pods of ${{ values.name }} (production): service account ${{ values.production.namespace }}/${{ values.production.serviceAccount }}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for issuer in distinct([for c in data.aws_eks_cluster.production : trimprefix(c.identity[0].oidc[0].issuer, "https://")]) : {
      Effect    = "Allow"
      Principal = { Federated = "arn:${data.aws_partition.this.partition}:iam::${data.aws_caller_identity.this.account_id}:oidc-provider/${issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${issuer}:aud" = "sts.amazonaws.com"
          "${issuer}:sub" = "system:serviceaccount:${{ values.production.namespace }}:${{ values.production.serviceAccount }}"
        }
      }
    }]
  })
}

resource "aws_iam_role" "production_deploy" {
  name        = "${{ values.production.namespace }}-deploy"
  description = "GitHub Actions of ${{ values.githubRepository }} deploying ${{ values.name }} (production)"
  tags        = { for c in local.production_clusters : "cluster.${c}.deploy" => "true" }
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:${data.aws_partition.this.partition}:iam::${data.aws_caller_identity.this.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        # Exact subjects (StringEquals), as the action writes them: no wildcard widens them.
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = [for branch in ${{ values.production.deployBranches | dump }} : "repo:${{ values.githubRepository }}:ref:refs/heads/${branch}"]
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "production_deploy" {
  name   = aws_iam_role.production_deploy.name
  role   = aws_iam_role.production_deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "DescribeClusters", Effect = "Allow", Action = "eks:DescribeCluster", Resource = [for c in data.aws_eks_cluster.production : c.arn] },
      { Sid = "EcrLogin", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" },
      {
        Sid      = "PullImages"
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        Resource = "${{ values.repositoryArn }}"
      },
    ]
  })
}

resource "aws_route53_record" "production_host" {
  zone_id = "${{ values.production.zoneId }}"
  name    = "${{ values.production.host }}"
  type    = "A"

  alias {
    name                   = "${{ values.production.ingress.dnsName }}"
    zone_id                = "${{ values.production.ingress.hostedZoneId }}"
    evaluate_target_health = true
  }
}
{% if values.importExisting %}
import {
  to = aws_iam_role.production_pods
  id = "${{ values.production.namespace }}-pods"
}

import {
  to = aws_iam_role.production_deploy
  id = "${{ values.production.namespace }}-deploy"
}

import {
  to = aws_iam_role_policy.production_deploy
  id = "${{ values.production.namespace }}-deploy:${{ values.production.namespace }}-deploy"
}

import {
  to = aws_route53_record.production_host
  id = "${{ values.production.zoneId }}_${{ values.production.host }}_A"
}
{% endif %}
