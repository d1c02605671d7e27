# ${{ values.name }} in the Operations account (the guide's
# applications/<app>/operations): the ECR repository and the role GitHub
# Actions of ${{ values.githubRepository }} assume to push to it. The same
# resources the Backstage action aws-platform:flightdeck:workload:create
# makes.{% if values.importExisting %} It made them already: the import blocks
# adopt them, so the first apply changes nothing.{% endif %}

terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

provider "aws" {
  region = "${{ values.ecrRegion }}"
}

data "aws_caller_identity" "this" {}
data "aws_partition" "this" {}

locals {
  github_repository = "${{ values.githubRepository }}"
  deploy_branches   = distinct(concat(${{ values.staging.deployBranches | dump }}, ${{ values.production.deployBranches | dump }}))
  # The accounts the stages run in, which pull the images.
  workload_account_ids = distinct(["${{ values.staging.accountId }}", "${{ values.production.accountId }}"])
}

resource "aws_ecr_repository" "this" {
  name                 = "${{ values.repositoryName }}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# Note: Terraform owns the whole repository policy; the action only adds its
# own statement to whatever policy is there.
resource "aws_ecr_repository_policy" "pull" {
  repository = aws_ecr_repository.this.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "FlightdeckWorkloadAccountsPull"
      Effect    = "Allow"
      Principal = { AWS = [for id in local.workload_account_ids : "arn:${data.aws_partition.this.partition}:iam::${id}:root"] }
      Action    = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
    }]
  })
}

resource "aws_iam_role" "ecr_push" {
  name        = "github-actions-ecr-${{ values.name }}"
  description = "GitHub Actions of ${{ values.githubRepository }} pushing images of ${{ values.name }}"
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
          "token.actions.githubusercontent.com:sub" = [for branch in local.deploy_branches : "repo:${local.github_repository}:ref:refs/heads/${branch}"]
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "ecr_push" {
  name = "ecr-push"
  role = aws_iam_role.ecr_push.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "EcrLogin", Effect = "Allow", Action = "ecr:GetAuthorizationToken", Resource = "*" },
      {
        Sid      = "PushAndPullImages"
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"]
        Resource = aws_ecr_repository.this.arn
      },
    ]
  })
}
{% if values.importExisting %}
import {
  to = aws_ecr_repository.this
  id = "${{ values.repositoryName }}"
}

import {
  to = aws_ecr_repository_policy.pull
  id = "${{ values.repositoryName }}"
}

import {
  to = aws_iam_role.ecr_push
  id = "github-actions-ecr-${{ values.name }}"
}

import {
  to = aws_iam_role_policy.ecr_push
  id = "github-actions-ecr-${{ values.name }}:ecr-push"
}
{% endif %}
output "repository_url" {
  value = aws_ecr_repository.this.repository_url
}
