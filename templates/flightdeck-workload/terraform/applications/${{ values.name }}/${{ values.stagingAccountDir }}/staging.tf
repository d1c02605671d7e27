# The staging stage of ${{ values.name }}: the pod role (IRSA), the deploy role
# and the host's record, as the Backstage action
# aws-platform:flightdeck:workload:create makes them.{% if values.importExisting %} It made them already:
# the import blocks adopt them, so the first apply changes nothing.{% endif %}
#
# Kubernetes is not covered here. For the namespace ${{ values.staging.namespace }},
# Flightdeck's application-config module (or a kubernetes_namespace_v1 with
# istio-injection=enabled); and in the platform module of each cluster, map
# the deploy role to the namespace's deploy group:
#   custom_roles = { "${{ values.staging.namespace }}-deploy" = "${{ values.staging.deployRoleArn }}" }

locals {
  staging_clusters = ${{ values.staging.clusters | dump }}
}

data "aws_eks_cluster" "staging" {
  for_each = toset(local.staging_clusters)
  name     = each.value
}

resource "aws_iam_role" "staging_pods" {
  name        = "${{ values.staging.namespace }}-pods"
  description = "Pods of ${{ values.name }} (staging): service account ${{ values.staging.namespace }}/${{ values.staging.serviceAccount }}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [for issuer in distinct([for c in data.aws_eks_cluster.staging : trimprefix(c.identity[0].oidc[0].issuer, "https://")]) : {
      Effect    = "Allow"
      Principal = { Federated = "arn:${data.aws_partition.this.partition}:iam::${data.aws_caller_identity.this.account_id}:oidc-provider/${issuer}" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${issuer}:aud" = "sts.amazonaws.com"
          "${issuer}:sub" = "system:serviceaccount:${{ values.staging.namespace }}:${{ values.staging.serviceAccount }}"
        }
      }
    }]
  })
}

resource "aws_iam_role" "staging_deploy" {
  name        = "${{ values.staging.namespace }}-deploy"
  description = "GitHub Actions of ${{ values.githubRepository }} deploying ${{ values.name }} (staging)"
  tags        = { for c in local.staging_clusters : "cluster.${c}.deploy" => "true" }
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
          "token.actions.githubusercontent.com:sub" = [for branch in ${{ values.staging.deployBranches | dump }} : "repo:${{ values.githubRepository }}:ref:refs/heads/${branch}"]
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "staging_deploy" {
  name   = aws_iam_role.staging_deploy.name
  role   = aws_iam_role.staging_deploy.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "DescribeClusters", Effect = "Allow", Action = "eks:DescribeCluster", Resource = [for c in data.aws_eks_cluster.staging : c.arn] },
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

resource "aws_route53_record" "staging_host" {
  zone_id = "${{ values.staging.zoneId }}"
  name    = "${{ values.staging.host }}"
  type    = "A"

  alias {
    name                   = "${{ values.staging.ingress.dnsName }}"
    zone_id                = "${{ values.staging.ingress.hostedZoneId }}"
    evaluate_target_health = true
  }
}
{% if values.importExisting %}
import {
  to = aws_iam_role.staging_pods
  id = "${{ values.staging.namespace }}-pods"
}

import {
  to = aws_iam_role.staging_deploy
  id = "${{ values.staging.namespace }}-deploy"
}

import {
  to = aws_iam_role_policy.staging_deploy
  id = "${{ values.staging.namespace }}-deploy:${{ values.staging.namespace }}-deploy"
}

import {
  to = aws_route53_record.staging_host
  id = "${{ values.staging.zoneId }}_${{ values.staging.host }}_A"
}
{% endif %}
